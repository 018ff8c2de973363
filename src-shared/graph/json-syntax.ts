/**
 * Locates the first syntax error in JSON text, for a message with line and column
 * (JSON.parse's own messages vary between engines and may carry no position at all).
 * Runs only after JSON.parse failed; iterative, so deep nesting cannot overflow the stack.
 */

export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

class SyntaxAt {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

function shown(char: string): string {
  return /[\x21-\x7e]/.test(char)
    ? `'${char}'`
    : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Offset just past the string starting at `start` (a double quote). */
function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text.charAt(i);
    if (char === '"') return i + 1;
    if (char < ' ') throw new SyntaxAt(i, 'control character inside a string (escape it)');
    if (char === '\\') {
      const next = text[i + 1] ?? '';
      if (next === 'u') {
        if (!HEX4.test(text.slice(i + 2, i + 6))) throw new SyntaxAt(i, 'invalid \\u escape');
        i += 6;
        continue;
      }
      if (!ESCAPES.has(next)) throw new SyntaxAt(i, `invalid escape \\${next}`);
      i += 2;
      continue;
    }
    i++;
  }
  throw new SyntaxAt(start, 'string is never closed');
}

function locate(text: string): void {
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'commaOrEnd');
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
    if (i >= text.length) {
      if (expect === 'end') return;
      throw new SyntaxAt(i, 'unexpected end of text');
    }
    const char = text.charAt(i);
    if (expect === 'value' || expect === 'valueOrEnd') {
      if (expect === 'valueOrEnd' && char === ']') {
        stack.pop();
        i++;
        expect = afterValue();
      } else if (char === '{' || char === '[') {
        stack.push(char);
        i++;
        expect = char === '{' ? 'keyOrEnd' : 'valueOrEnd';
      } else if (char === '"') {
        i = scanString(text, i);
        expect = afterValue();
      } else if (char === '-' || (char >= '0' && char <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) throw new SyntaxAt(i, 'invalid number');
        i = NUMBER.lastIndex;
        expect = afterValue();
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        if (!literal) throw new SyntaxAt(i, `unexpected ${shown(char)}; expected a value`);
        i += literal.length;
        expect = afterValue();
      }
    } else if (expect === 'key' || expect === 'keyOrEnd') {
      if (expect === 'keyOrEnd' && char === '}') {
        stack.pop();
        i++;
        expect = afterValue();
      } else if (char === '"') {
        i = scanString(text, i);
        expect = 'colon';
      } else {
        throw new SyntaxAt(
          i,
          `unexpected ${shown(char)}; expected a property name in double quotes`,
        );
      }
    } else if (expect === 'colon') {
      if (char !== ':') throw new SyntaxAt(i, `unexpected ${shown(char)}; expected ':'`);
      i++;
      expect = 'value';
    } else if (expect === 'commaOrEnd') {
      const close = stack.at(-1) === '{' ? '}' : ']';
      if (char === ',') {
        i++;
        expect = close === '}' ? 'key' : 'value';
      } else if (char === close) {
        stack.pop();
        i++;
        expect = afterValue();
      } else {
        throw new SyntaxAt(i, `unexpected ${shown(char)}; expected ',' or '${close}'`);
      }
    } else {
      throw new SyntaxAt(i, `unexpected ${shown(char)} after the end of the JSON value`);
    }
  }
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    locate(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxAt)) throw error;
    const before = text.slice(0, error.offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    return {
      line: before.split('\n').length,
      column: error.offset - lineStart + 1,
      message: error.message,
    };
  }
}
