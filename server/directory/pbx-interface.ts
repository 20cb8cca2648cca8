/**
 * The one place a PBX interface or channel name becomes the key that finds its agent.
 *
 * Asterisk names a queue member by its interface (`PJSIP/1001`, FreePBX's `Local/1001@from-queue/n`,
 * `Agent/1001`) and the calls on it by channel names derived from it (`PJSIP/1001-0000002a`,
 * `Local/1001@from-queue-0000001b;1`). All of them reduce to the interface without its dial options:
 * `pjsip/1001`, `local/1001@from-queue`. Technology names are case-insensitive in Asterisk; the
 * resource is not, so only the technology is folded.
 */
export function interfaceKey(name: string): string {
  const slash = name.indexOf('/');
  if (slash <= 0) return name.trim();
  const tech = name.slice(0, slash).trim().toLowerCase();
  let resource = name.slice(slash + 1).trim();
  if (tech === 'local') {
    // `Local/ext@context/n`: the part after the second slash is dial options (n, j, b…).
    resource = resource.replace(/\/[a-z]*$/i, '');
    // A Local channel's own name: `ext@context-0000001b;1` (one half of the pair).
    resource = resource.replace(/-[0-9a-f]{8};[12]$/i, '');
  } else {
    // A channel of the interface: Asterisk appends `-` and an 8-digit hex sequence.
    resource = resource.replace(/-[0-9a-f]{8}$/i, '');
  }
  return `${tech}/${resource}`;
}

/**
 * The extension an interface dials (`PJSIP/1001`, `Local/1001@from-queue/n`, `Agent/1001` → `1001`): what
 * tells, in a queue_log with no directory yet, that FreePBX's Local member and the phone are one person.
 */
export function interfaceExtension(name: string): string {
  const key = interfaceKey(name);
  const resource = key.slice(key.indexOf('/') + 1);
  const at = resource.indexOf('@');
  return at === -1 ? resource : resource.slice(0, at);
}
