// What survives google.script.run: primitives, and arrays/plain objects of them. No Date, no functions, no
// undefined inside arrays (platform.md §6). Every DTO of the contract is proven JSON-safe at compile time.

export type JsonPrimitive = string | number | boolean | null;

/** `true` when T is made only of JSON-safe parts (optional properties allowed: they are dropped, not sent). */
export type IsJson<T> = [T] extends [JsonPrimitive]
  ? true
  : [T] extends [Date | ((...args: never[]) => unknown) | Map<unknown, unknown> | Set<unknown>]
    ? false
    : [T] extends [Array<infer U>]
      ? IsJson<U>
      : [T] extends [object]
        ? false extends { [K in keyof T]-?: IsJson<Exclude<T[K], undefined>> }[keyof T]
          ? false
          : true
        : false;

/** `type _ = AssertJson<MyDto>` fails to compile if MyDto holds a Date, a function, a Map… */
export type AssertJson<T> = IsJson<T> extends true ? T : never;
export type ProveJson<T extends true> = T;
