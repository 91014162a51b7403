/** Enrolment files are UTF-8 JSON text. */
export function fileText(data: Uint8Array): string {
  return new TextDecoder('utf-8').decode(data);
}

export function textBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
