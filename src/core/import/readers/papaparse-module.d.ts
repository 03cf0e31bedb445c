// The slice of papaparse the CSV reader uses. Core imports the package's own file instead of 'papaparse' because
// @types/papaparse pulls in Node's types (streams), and core must stay free of Node.
declare module 'papaparse/papaparse.js' {
  interface PapaError {
    type: string;
    code: string;
    message: string;
    row?: number;
  }
  interface PapaResult {
    data: string[][];
    errors: PapaError[];
    meta: { delimiter: string; linebreak: string; truncated: boolean };
  }
  interface PapaConfig {
    delimiter?: string;
    newline?: string;
    quoteChar?: string;
    header?: false;
    dynamicTyping?: false;
    preview?: number;
    skipEmptyLines?: boolean;
  }
  const Papa: { parse(input: string, config: PapaConfig): PapaResult };
  export default Papa;
}
