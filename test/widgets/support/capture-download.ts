import { waitUntil } from '../../support/wait-until.js';

/**
 * The file a widget hands to the browser's download (a Blob behind an object
 * URL, saved by clicking a link): its name and text, the download itself not
 * started.
 */
export async function captureDownload(click: () => void): Promise<{ name: string; text: string }> {
  const anchorClick = HTMLAnchorElement.prototype.click;
  const createObjectURL = URL.createObjectURL;
  const blobs = new Map<string, Blob>();
  let saved: { name: string; blob: Blob } | null = null;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = createObjectURL(obj);
    if (obj instanceof Blob) blobs.set(url, obj);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) saved = { name: this.download, blob };
  };
  try {
    click();
    await waitUntil(() => saved, 'a file was downloaded');
  } finally {
    HTMLAnchorElement.prototype.click = anchorClick;
    URL.createObjectURL = createObjectURL;
  }
  const { name, blob } = saved!;
  // Bytes, not blob.text(): text() would drop the byte-order mark the file must start with.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
  return { name, text };
}
