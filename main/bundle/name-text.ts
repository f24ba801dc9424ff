/** A distinguished name as node:crypto prints it ("C=DE\nO=…"), on one line for a report. */
export function nameText(name: string): string {
  return name.replace(/\n/g, ', ');
}
