/**
 * A name every file system takes, one to one: letters, digits, `.`, `_` and
 * `-` stay; anything else (and a leading dot) becomes `%XX` per UTF-8 byte,
 * so two case keys never share a directory.
 */
export function fileSafeName(name: string): string {
  return [...new TextEncoder().encode(name)]
    .map((byte, index) => {
      const character = String.fromCharCode(byte);
      const plain = /[A-Za-z0-9_-]/.test(character) || (character === '.' && index > 0);
      return plain && byte < 0x80 ? character : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}
