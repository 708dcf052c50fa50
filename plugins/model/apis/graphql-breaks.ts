import { BreakingChangeType, buildSchema, findSchemaChanges } from 'graphql';

/** The kinds of change graphql-js calls breaking. */
const BREAKING: ReadonlySet<string> = new Set(Object.values(BreakingChangeType));

/** A GraphQL schema, read by graphql-js's own rules (its breaking `findSchemaChanges`): a type or field removed, an argument added that is required … */
export function graphqlBreaks(before: string, after: string): string[] {
  try {
    return (
      findSchemaChanges(buildSchema(before), buildSchema(after))
        .filter((change) => BREAKING.has(change.type))
        // A standard scalar (Float) no field uses any more: the field's own change says it.
        .filter((change) => !(change.type === BreakingChangeType.TYPE_REMOVED && /^Standard scalar /.test(change.description)))
        .map((change) => change.description.replace(/\.$/, ''))
    );
  } catch {
    // A schema that does not build is reported by the check of its own file.
    return [];
  }
}
