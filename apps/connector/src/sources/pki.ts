import { copyFileSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { OPCUACertificateManager } from 'node-opcua';

/**
 * The agent's own OPC UA PKI under `<dataDir>/pki`: own/ (the agent's application certificate, created on
 * first use), trusted/certs (server certificates the operator accepted), rejected/ (certificates seen and
 * refused). Unknown server certificates are never accepted automatically.
 */
export function pkiFolder(dataDir: string): string {
  return path.join(dataDir, 'pki');
}

export async function openClientPki(dataDir: string): Promise<OPCUACertificateManager> {
  const rootFolder = pkiFolder(dataDir);
  mkdirSync(rootFolder, { recursive: true, mode: 0o700 });
  const cm = new OPCUACertificateManager({
    rootFolder,
    automaticallyAcceptUnknownCertificate: false,
    keySize: 2048,
  });
  await cm.initialize();
  return cm;
}

/** Certificates in rejected/ (the operator inspects them and trusts one with `pki trust`). */
export function listRejected(dataDir: string): string[] {
  const dir = path.join(pkiFolder(dataDir), 'rejected');
  try {
    return readdirSync(dir)
      .filter((f) => /\.(der|pem)$/i.test(f))
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/**
 * Puts a server certificate (DER or PEM file) into trusted/certs; a file from rejected/ is moved (a
 * certificate left in rejected/ stays refused). A running agent sees the change through node-opcua's folder
 * watcher; otherwise at its next start.
 */
export function trustCertificateFile(dataDir: string, file: string): string {
  const trustedDir = path.join(pkiFolder(dataDir), 'trusted', 'certs');
  mkdirSync(trustedDir, { recursive: true, mode: 0o700 });
  const target = path.join(trustedDir, path.basename(file));
  if (path.dirname(path.resolve(file)) === path.join(pkiFolder(dataDir), 'rejected'))
    renameSync(file, target);
  else copyFileSync(file, target);
  return target;
}
