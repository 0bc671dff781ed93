export { flatgeobufReader } from './reader.ts';
export { flatgeobufWriter } from './writer.ts';
