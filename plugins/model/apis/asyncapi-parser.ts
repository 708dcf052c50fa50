import { fileURLToPath } from 'node:url';
import { Parser } from '@asyncapi/parser';

/**
 * An AsyncAPI parser that reads a `$ref`'s file only through `read` (by absolute path), and
 * never fetches: a remote `$ref` resolves to nothing. Its own readers come after ours, and a
 * reader that throws passes the reference on to them, so ours answer rather than throw.
 */
export function asyncApiParser(read: (absolute: string) => string | undefined): Parser {
  return new Parser({
    __unstable: {
      resolver: {
        cache: false,
        resolvers: [
          { schema: 'file', order: 1, read: (uri) => read(fileURLToPath(uri.toString())) ?? '' },
          { schema: 'http', order: 1, read: () => '' },
          { schema: 'https', order: 1, read: () => '' },
        ],
      },
    },
  });
}
