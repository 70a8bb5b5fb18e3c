import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSignedCertificate {
  /** PEM: the certificate, which is also its own certificate authority. */
  readonly certificate: string;
  readonly privateKey: string;
}

/**
 * A throw-away certificate for 127.0.0.1, made with the system's openssl
 * (Node can sign with a key but cannot write an X.509 certificate), valid
 * for a day: for https doubles of services the bot must reach over TLS.
 */
export function selfSignedCertificate(): SelfSignedCertificate {
  const folder = mkdtempSync(join(tmpdir(), 'trafiklys-tls-'));
  try {
    const keyPath = join(folder, 'key.pem');
    const certificatePath = join(folder, 'certificate.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        keyPath,
        '-out',
        certificatePath,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return {
      certificate: readFileSync(certificatePath, 'utf8'),
      privateKey: readFileSync(keyPath, 'utf8'),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
