import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tsImport } from 'tsx/esm/api';

/**
 * Widget tests in headless Chromium. Real Floorview servers run in this Node
 * process (test/widgets/support/fixture-servers.ts); tests start them through
 * `/__floorview/…` routes on the test runner's own server. The test page is on
 * localhost and each Floorview server on another localhost port: another
 * origin (CORS, stream tickets — an embedding portal's situation), same site.
 */
const { freePort } = await tsImport('./test/support/server-process.ts', import.meta.url);
const { CHROMIUM_ARGS, chromiumPath } = await tsImport('./test/support/chromium.ts', import.meta.url);
const { floorviewFixtures } = await tsImport('./test/widgets/support/fixture-servers.ts', import.meta.url);

const port = await freePort();
const fixtures = floorviewFixtures(`http://localhost:${port}`);

export default {
  files: 'test/widgets/**/*.test.ts',
  nodeResolve: { exportConditions: ['production'] },
  port,
  // Two cores: one browser page at a time keeps timings honest.
  concurrency: 1,
  concurrentBrowsers: 1,
  // Limits that catch a hang, not a slow machine: on two loaded cores Chromium can take
  // a minute to start and a test file several to load (every module served one by one) and run.
  browserStartTimeout: 120_000,
  testsStartTimeout: 180_000,
  testsFinishTimeout: 600_000,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--disable-dev-shm-usage'] },
    }),
  ],
  middleware: [fixtures.middleware],
  // echarts' modules read process.env.NODE_ENV, which rollup replaces in the bundles.
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script>globalThis.process = { env: { NODE_ENV: 'production' } };</script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), fixtures.plugin],
  // Per test; above test/support/wait-until.ts's WAIT_MS, so a failure names the condition it waited for.
  testFramework: { config: { timeout: 120_000 } },
};
