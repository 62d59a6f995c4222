/**
 * An empty array the engine already takes for an array of objects or strings. A fresh `[]` is one of
 * small integers until its first element: code optimized for the arrays met before is thrown away there
 * and compiled again (one such recompile of the XML tokenizer was 2 % of the instructions of a merge).
 */
export function emptyObjectArray<T extends object | string>(): T[] {
  const array: unknown[] = [EMPTY];
  array.pop();
  return array as T[];
}

const EMPTY = {};
