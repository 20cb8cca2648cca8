import { z } from 'zod';

/**
 * The one rule for free text that people will see (state reasons, chat messages, names in the
 * directory, report filters): refused, with a 400 naming the field, when it holds a C0 or C1
 * control character, DEL, or a bidi embedding, override or isolate (U+202A–U+202E,
 * U+2066–U+2069). Those are invisible or reorder what is shown — a right-to-left override
 * makes "gpj.exe" read "exe.jpg" — and a NUL or a bell is never meant. Refused rather than
 * stripped, so what is stored is exactly what was sent. Multi-line text (chat) keeps `\n`
 * and `\t`; a carriage return is refused there too (browsers send bare `\n`).
 */

const SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const MULTI_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function refuse(pattern: RegExp) {
  return (value: string, ctx: z.RefinementCtx) => {
    const found = pattern.exec(value);
    if (found) {
      ctx.addIssue({
        code: 'custom',
        message: `contains a control character or bidi override (${codePoint(found[0])} at position ${found.index}); send plain text`,
      });
    }
  };
}

/** One line of plain text: every control character and bidi override refused. */
export const singleLine = <S extends z.ZodString>(schema: S): S => schema.superRefine(refuse(SINGLE_LINE)) as S;

/** Plain text with line breaks: like `singleLine`, but `\n` and `\t` are kept. */
export const multiLine = <S extends z.ZodString>(schema: S): S => schema.superRefine(refuse(MULTI_LINE)) as S;
