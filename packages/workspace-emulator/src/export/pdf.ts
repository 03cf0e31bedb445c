// PDF rendering for Drive's export (application/pdf), synchronous as every emulated call is: one long-lived worker
// thread (pdf-worker-source.ts) renders with pdf-lib + fontkit + DejaVu Sans; the caller blocks until it answers.
// The worker is unref'd: it never keeps a process alive.

import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import * as path from 'node:path';
import { Layout } from './layout';
import { PDF_WORKER_SOURCE } from './pdf-worker-source';

/** How long one rendering may take (real time) before the emulator gives up: a hung worker is a bug, not Google. */
const RENDER_TIMEOUT_MS = 60_000;

let channel: { worker: Worker; port: MessagePort } | undefined;

function fontPath(file: string): string {
  return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', file);
}

function start(): { worker: Worker; port: MessagePort } {
  if (channel) return channel;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(PDF_WORKER_SOURCE, {
    eval: true,
    workerData: {
      port: port2,
      pdfLib: require.resolve('pdf-lib'),
      fontkit: require.resolve('@pdf-lib/fontkit'),
      regular: fontPath('DejaVuSans.ttf'),
      bold: fontPath('DejaVuSans-Bold.ttf'),
    },
    transferList: [port2],
  });
  worker.unref();
  port1.unref();
  worker.on('error', () => {
    channel = undefined;
  });
  worker.on('exit', () => {
    channel = undefined;
  });
  channel = { worker, port: port1 };
  return channel;
}

/** The PDF of `layout`, as bytes. */
export function renderPdf(layout: Layout): Uint8Array {
  const { port } = start();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  port.postMessage({ signal, layout });
  const waited = Atomics.wait(signal, 0, 0, RENDER_TIMEOUT_MS);
  const message = receiveMessageOnPort(port)?.message as { bytes?: Uint8Array; error?: string } | undefined;
  if (waited === 'timed-out' || !message) throw new Error('workspace-emulator: the PDF renderer did not answer');
  if (message.error !== undefined || !message.bytes)
    throw new Error(`workspace-emulator: PDF rendering failed: ${message.error}`);
  return new Uint8Array(message.bytes);
}
