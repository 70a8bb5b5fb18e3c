/**
 * Applies inline markers (bold, italic, code) line by line, keeping each
 * line's surrounding spaces outside the markers: chat markdowns ignore `* x*`
 * and cannot span a line break. Blank lines stay as they are.
 */
export function markEachLine(text: string, lineBreak: string, mark: (core: string) => string): string {
  return text
    .split('\n')
    .map((line) => {
      const match = /^(\s*)(.*?)(\s*)$/s.exec(line);
      const [, before = '', core = '', after = ''] = match ?? [];
      return core === '' ? line : before + mark(core) + after;
    })
    .join(lineBreak);
}
