import { redirect } from 'next/navigation';

/** The quality module opens on the lab's work list. */
export default function QualityPage() {
  redirect('/quality/lab');
}
