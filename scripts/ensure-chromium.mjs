// Finds a Chromium for Karma (CHROME_BIN, chromium, google-chrome). When none is installed and we
// are root with apt-get, installs Debian's `chromium`; otherwise stops with the exact command.
// Prints the binary it settled on; karma reads CHROME_BIN from scripts/chrome-bin.mjs.
import { findChrome, installChromium } from './chrome-bin.mjs';

let bin = findChrome();
if (!bin) bin = installChromium();
if (!bin) {
  console.error(
    'No Chromium found for the browser tests. Install it with:\n' +
      '  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium\n' +
      'or set CHROME_BIN to a Chrome/Chromium binary.',
  );
  process.exit(1);
}
console.log(`Browser tests use ${bin}`);
