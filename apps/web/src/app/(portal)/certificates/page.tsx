import type { Metadata } from 'next';
import { CertificatesView } from '../../../features/certificates/certificates-view.tsx';

export const metadata: Metadata = { title: 'Certificates · 质量证书' };

export default function CertificatesPage() {
  return <CertificatesView />;
}
