/** The error of a form that belongs to no single field. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="notice notice--error" role="alert" data-testid="form-error">
      {message}
    </p>
  );
}
