// V8 compiles hot code against the hidden classes ("maps") of the objects it reads, and holds those
// classes weakly. When every instance of a class made by one check is collected, its hidden class
// goes with it, the code compiled against it is thrown away, and the next check runs that code
// unoptimised until it is compiled again: on the benchmark workbook a third of a check's time.
// One small instance of each class the checking code makes anew per check, kept here for the life
// of the module, keeps the class's hidden class, and with it the compiled code, from check to check.
const kept: object[] = [];

/** Keeps a small instance for good (see above); returns it. */
export function keepShape<T extends object>(instance: T): T {
  kept.push(instance);
  return instance;
}
