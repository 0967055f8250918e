/** An issue message as shown under its field: "name the coach" → "Name the coach". */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
