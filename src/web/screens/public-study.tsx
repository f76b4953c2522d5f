// Placeholder until the public listing route lands (replaced below).
export function PublicStudyScreen({ study }: { readonly study: string }) {
  return <main id="main">{study}</main>;
}
