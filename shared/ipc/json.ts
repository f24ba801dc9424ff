/** Plain JSON data: what every request, response and event payload is made of. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
