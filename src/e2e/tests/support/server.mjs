import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, screenshotDir } from './paths.mjs';

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function applicationJar() {
  const target = path.join(repoRoot, 'target');
  const jars = fs.existsSync(target)
    ? fs.readdirSync(target).filter((name) => /^govflow-.*\.jar$/.test(name) && !name.endsWith('.original'))
    : [];
  if (jars.length !== 1) {
    throw new Error(`expected one target/govflow-*.jar (build it with ./mvnw -DskipTests package), found: ${jars}`);
  }
  return path.join(target, jars[0]);
}

async function waitUntilHealthy(baseUrl, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`govflow exited with ${child.exitCode} while starting; see ${logFile}:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/actuator/health`);
      if (response.ok && (await response.json()).status === 'UP') {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`govflow did not report UP within ${timeoutMs / 1000} s; see ${logFile}:\n${tail(logFile)}`);
}

function tail(file) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '';
}

/**
 * Starts the packaged application with the demo profile on a free port, in a temporary working directory so
 * its H2 file database (./data) starts empty. GOVFLOW_E2E_BASE_URL uses an already running server instead.
 */
export async function startGovflow() {
  if (process.env.GOVFLOW_E2E_BASE_URL) {
    return { baseUrl: process.env.GOVFLOW_E2E_BASE_URL.replace(/\/$/, ''), async stop() {} };
  }
  const port = await freePort();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'govflow-e2e-'));
  fs.mkdirSync(screenshotDir, { recursive: true });
  const logFile = path.join(screenshotDir, 'server.log');
  const log = fs.openSync(logFile, 'w');
  const child = spawn('java', ['-jar', applicationJar(), `--server.port=${port}`, '--spring.profiles.active=demo'], {
    cwd: workDir,
    stdio: ['ignore', log, log]
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
      await exited;
      clearTimeout(timer);
    }
    fs.closeSync(log);
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  try {
    await waitUntilHealthy(baseUrl, child, logFile, 300000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

/** A JSON call with HTTP Basic as a demo user; throws with the body on a non-2xx answer. */
export async function rest(baseUrl, user, password, method, urlPath, body) {
  const response = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      Accept: 'application/json'
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${urlPath} as ${user}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}
