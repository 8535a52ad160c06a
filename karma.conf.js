// Runs the core, facade and marble specs in real headless Chromium. Node-only specs live under
// spec/node/ and are excluded here. `npm run test:browser` finds or installs Chromium first.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChrome } from './scripts/chrome-bin.mjs';
import rxipcWebSocketServer from './spec/support/karma-ws-server.cjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(root, '.karma-build');
if (!process.env.CHROME_BIN) process.env.CHROME_BIN = findChrome();

export default function (config) {
  config.set({
    basePath: root,
    frameworks: ['jasmine', 'webpack', 'rxipc-ws'],
    plugins: ['karma-*', rxipcWebSocketServer],
    files: [
      { pattern: 'spec/**/*.spec.ts', watched: false },
      { pattern: 'marble-tests/**/*.spec.ts', watched: false },
      // Worker chunks webpack emits must be served, or a Worker 404s silently.
      { pattern: '.karma-build/**/*.js', included: false, served: true, watched: false },
      // rxipc as a guest window loads it (window/broadcastChannel specs): its own webpack entry.
      { pattern: 'spec/browser/fixtures/frameGuest.ts', included: false, served: true, watched: false },
    ],
    exclude: ['spec/node/**'],
    preprocessors: {
      'spec/**/*.ts': ['webpack', 'sourcemap'],
      'marble-tests/**/*.ts': ['webpack', 'sourcemap'],
      '.karma-build/**/*.js': ['sourcemap'],
    },
    webpack: {
      mode: 'development',
      devtool: 'inline-source-map',
      output: { path: out },
      resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
      module: {
        rules: [
          {
            test: /\.ts$/,
            loader: 'ts-loader',
            exclude: /node_modules/,
            options: {
              transpileOnly: true,
              compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', noEmit: false, sourceMap: true },
            },
          },
        ],
      },
      stats: 'errors-warnings',
    },
    client: {
      jasmine: { random: true, failSpecWithNoExpectations: true, timeoutInterval: 10000 },
      clearContext: false,
    },
    customHeaders: [
      { match: '.*', name: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
      { match: '.*', name: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
    ],
    reporters: ['spec'],
    specReporter: { suppressSkipped: false, suppressPassed: !!process.env.CI, showSpecTiming: false },
    browsers: ['ChromeHeadlessCI'],
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--no-default-browser-check',
        ],
      },
    },
    browserNoActivityTimeout: 120000,
    captureTimeout: 120000,
    singleRun: true,
    concurrency: 1,
  });
}
