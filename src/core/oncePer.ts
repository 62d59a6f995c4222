/**
 * `make` computed once per object (a template, a rule set) and kept while the object lives: a province's
 * merge checks the same few templates hundreds of times.
 */
export function oncePer<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
}
