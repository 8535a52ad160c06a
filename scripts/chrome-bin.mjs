// Locates (and, as root with apt-get, installs) the Chromium that Karma launches.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function which(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

/** The Chromium/Chrome binary to use, or '' when none is installed. */
export function findChrome() {
  if (process.env.CHROME_BIN && existsSync(process.env.CHROME_BIN)) return process.env.CHROME_BIN;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const path = which(name);
    if (path) return path;
  }
  return '';
}

/** Installs Debian's chromium when we are root and have apt-get; returns its path or ''. */
export function installChromium() {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !which('apt-get')) return '';
  console.log("Chromium not found: installing Debian's chromium with apt-get (about a minute)...");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
  } catch {
    return '';
  }
  return findChrome();
}
