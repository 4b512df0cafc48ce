import { redirect } from 'next/navigation';

export default function MasterDataPage() {
  redirect('/master-data/alloys');
}
