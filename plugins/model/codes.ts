/**
 * The catalogue of diagnostic codes. Every diagnostic archsite prints carries one of these
 * codes; the site's checks reference page is generated from this table, so a code is
 * documented exactly once.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface CodeInfo {
  readonly severity: Severity;
  /** What the check guards, in a few words. */
  readonly title: string;
  /** One line that names the fix. */
  readonly hint: string;
}

export const CODES = {
  // Reading files
  'invalid-encoding': {
    severity: 'error',
    title: 'File is not UTF-8 text',
    hint: 'Save the file as UTF-8 (without NUL bytes); binary files belong outside element folders or are referenced as assets.',
  },
  'file-too-large': {
    severity: 'error',
    title: 'Element file is too large',
    hint: 'Split the file into several elements, or move large data into an asset referenced through `schema` or `openapi`.',
  },
  'unreadable-file': {
    severity: 'error',
    title: 'File cannot be read',
    hint: 'Fix the file permissions, or remove the file from the content folder.',
  },
  'symlink-outside-content': {
    severity: 'error',
    title: 'Symbolic link leaves the content folder',
    hint: 'Copy the file into the content folder instead of linking to it; nothing outside the content folder is read.',
  },
  'broken-symlink': {
    severity: 'error',
    title: 'Symbolic link is broken or loops',
    hint: 'Point the link at an existing file inside the content folder, or remove it.',
  },
  'ignored-file': {
    severity: 'info',
    title: 'File is not an element',
    hint: 'Only .yaml, .yml, .md and .mdx files in kind folders are elements; other files are kept as assets.',
  },
  // Syntax
  'yaml-syntax': {
    severity: 'error',
    title: 'Invalid YAML',
    hint: 'Fix the YAML syntax at the position shown; indent with spaces, never tabs.',
  },
  'duplicate-key': {
    severity: 'error',
    title: 'Mapping key written twice',
    hint: 'Remove one of the two keys; YAML mappings hold each key once.',
  },
  'unsupported-tag': {
    severity: 'error',
    title: 'YAML tag archsite cannot read',
    hint: 'Remove the tag (`!!binary`, `!custom`); write the value as text, a number, true/false, a list or a mapping. `!!str` and the other core tags are fine.',
  },
  'reserved-key': {
    severity: 'error',
    title: 'Key JavaScript reserves',
    hint: 'Rename the `__proto__` key: JavaScript objects cannot hold it as a field, so it would be lost.',
  },
  'yaml-too-complex': {
    severity: 'error',
    title: 'YAML or JSON too deeply nested, or too many aliases',
    hint: 'Flatten the structure or expand the aliases; archsite refuses documents (elements, schemas, API descriptions and the files their `$ref`s read) that could exhaust memory or the stack.',
  },
  'markdown-syntax': {
    severity: 'error',
    title: 'Invalid Markdown or MDX',
    hint: 'Fix the MDX syntax at the position shown, or rename the file to .md if it holds no JSX.',
  },
  'mermaid-syntax': {
    severity: 'error',
    title: 'Mermaid diagram does not render',
    hint: 'Fix the diagram at the line shown; the mermaid live editor shows the same error. Checked when the site is built.',
  },
  'empty-file': {
    severity: 'error',
    title: 'File holds no element',
    hint: 'Add the element fields, or delete the file.',
  },
  // Fields
  'missing-field': {
    severity: 'error',
    title: 'Required field missing',
    hint: 'Add the field; the content model reference lists the required fields of each kind.',
  },
  'invalid-type': {
    severity: 'error',
    title: 'Field has the wrong type',
    hint: 'Write the value with the type the field expects (text, number, true/false, list or mapping).',
  },
  'invalid-value': {
    severity: 'error',
    title: 'Field value out of range',
    hint: 'Use one of the values the field allows.',
  },
  'unknown-field': {
    severity: 'error',
    title: 'Unknown field',
    hint: 'Remove the field or fix its spelling; unknown fields are errors so that typos never pass silently.',
  },
  // Identity
  'missing-id': {
    severity: 'error',
    title: 'Element in a multi-document file has no id',
    hint: 'Give every document of a multi-document file an `id` field.',
  },
  'invalid-id': {
    severity: 'error',
    title: 'Invalid id',
    hint: 'Ids use lower-case letters, digits, `-`, `.` and `_`, at most 100 characters, and are not dots alone; rename the file or set `id`. Docs file names may not hold `#`, `?` or `%`.',
  },
  'duplicate-id': {
    severity: 'error',
    title: 'Two elements of one kind share an id',
    hint: 'Rename one of them; ids are unique within their kind.',
  },
  'duplicate-route': {
    severity: 'error',
    title: 'Two pages would have the same URL',
    hint: 'Rename one of the files: docs pages take their URL from their path, lower-cased, with spaces and characters a URL cannot hold turned into `-`.',
  },
  'missing-system': {
    severity: 'error',
    title: 'No system.yaml',
    hint: 'Create system.yaml at the top of the content folder with at least `name`.',
  },
  // References
  'unknown-reference': {
    severity: 'error',
    title: 'Reference to an element that does not exist',
    hint: 'Fix the id, or create the element it names.',
  },
  'ambiguous-reference': {
    severity: 'error',
    title: 'Bare id names elements of several kinds',
    hint: 'Qualify the reference with its kind, as in `service:orders` or `resource:orders`.',
  },
  'broken-link': {
    severity: 'error',
    title: 'Link in prose points nowhere',
    hint: 'Link to an existing content file (relative path) or site route (`/services/<id>/`).',
  },
  'unsafe-link': {
    severity: 'error',
    title: 'Link that can run code',
    hint: 'Remove the `javascript:`, `vbscript:` or `data:` link (a `data:image/...` image is fine), or the link to a file a browser opens as a page (.html, .svg, .xml), which is never published; link to a page or an http(s) URL instead.',
  },
  'duplicate-node-id': {
    severity: 'error',
    title: 'Deployment node id used twice',
    hint: 'Node ids are unique within their deployment; rename one of them.',
  },
  'duplicate-component-id': {
    severity: 'error',
    title: 'Component id used twice in one service',
    hint: 'Component ids are unique within their service; rename one of them.',
  },
  // Model rules
  'unpublished-event': {
    severity: 'error',
    title: 'Consumed event that no service publishes',
    hint: "Add the event to a producer's `events.publishes`, or stop consuming it.",
  },
  'duplicate-entity-owner': {
    severity: 'error',
    title: 'Entity owned by more than one service',
    hint: 'Data has one owner: keep the entity in one service’s `data.entities` and let others call it or consume its events.',
  },
  'unknown-entity': {
    severity: 'error',
    title: 'Entity relation names an entity no service owns',
    hint: "Fix the entity's name, or add it to the owning service's `data.entities`.",
  },
  'missing-file': {
    severity: 'error',
    title: 'Referenced file does not exist',
    hint: 'Fix the path; it is relative to the file that names it.',
  },
  'path-outside-content': {
    severity: 'error',
    title: 'Referenced path leaves the content folder',
    hint: 'Keep schemas and API descriptions inside the content folder; nothing outside it is read.',
  },
  'wrong-file-type': {
    severity: 'error',
    title: 'Referenced file is not of the type the field is for',
    hint: 'Name a file of the type the field takes (`apis.graphql`: .graphql, .gql or .graphqls; a `$ref`: .yaml, .yml or .json), never an element’s file; a file a browser opens as a page (.html, .svg, .xml) is never published.',
  },
  'invalid-schema': {
    severity: 'error',
    title: 'Schema or API description does not parse',
    hint: 'Fix the JSON or YAML syntax of the referenced file.',
  },
  'invalid-api-description': {
    severity: 'error',
    title: 'API description is not valid',
    hint: 'Fix the OpenAPI, Protocol Buffers or GraphQL file at the position shown; it is checked against its own specification.',
  },
  'supersedes-cycle': {
    severity: 'error',
    title: 'Decisions supersede each other in a cycle',
    hint: 'A decision can only supersede older ones; remove one `supersedes` entry of the cycle.',
  },
  // Warnings
  'api-mismatch': {
    severity: 'warning',
    title: 'The service lists an API its description file does not hold',
    hint: 'Make `apis.rest` and `apis.grpc` list what the OpenAPI or .proto file describes, or fix the file.',
  },
  'unconsumed-event': {
    severity: 'warning',
    title: 'Published event that no service consumes',
    hint: "Add a consumer's `events.consumes`, or stop publishing the event.",
  },
  'unused-event': {
    severity: 'warning',
    title: 'Event that nobody publishes or consumes',
    hint: 'Reference the event from a service, or delete it.',
  },
  'shared-database': {
    severity: 'warning',
    title: 'Database used by several services',
    hint: 'Give each service its own database, or mark the resource `shared: true` to record that it is deliberate.',
  },
  'dependency-cycle': {
    severity: 'warning',
    title: 'Cycle of synchronous service dependencies',
    hint: 'Break the cycle with an event, or merge the services; synchronous cycles fail together.',
  },
  'undeployed-service': {
    severity: 'warning',
    title: 'Service that no deployment runs',
    hint: 'Add an instance of the service to a deployment node.',
  },
  'unsuperseded-decision': {
    severity: 'warning',
    title: 'Superseded decision that nothing supersedes',
    hint: 'Name this decision in the `supersedes` list of the decision that replaced it.',
  },
  'edit-link': {
    severity: 'warning',
    title: 'File outside the repository, with no edit link',
    hint: 'Move the file into the repository that holds the content folder (it is reached through a symbolic link), or accept that its page has no "Edit page" link.',
  },
  'review-overdue': {
    severity: 'warning',
    title: 'Risk or decision past its review date',
    hint: 'Review it and set `review` to the next date, or close the risk (`status: closed`) or retire the decision.',
  },
  'unsatisfied-requirement': {
    severity: 'warning',
    title: 'Requirement that nothing satisfies',
    hint: 'Name the services, domains or deployments that meet it in `satisfiedBy`, or mark it `status: rejected`.',
  },
  'nfr-contradiction': {
    severity: 'warning',
    title: 'Service whose own NFR falls short of a requirement it satisfies',
    hint: "Change the service's `nfr` to meet the target, relax the requirement's target, or stop naming the service in `satisfiedBy`.",
  },
  'incomplete-service': {
    severity: 'error',
    title: 'Service below the template completeness asked for',
    hint: 'Fill the missing sections of the service design template, or lower `--min-completeness`.',
  },
  // Planned and current state
  'lifecycle-dependency': {
    severity: 'warning',
    title: 'Something in use relies on something retired or not built yet',
    hint: 'Rely on what is there (or on what replaced it), or mark the relation `lifecycle: planned` as well.',
  },
  'deprecated-without-replacement': {
    severity: 'warning',
    title: 'Deprecated element that names no replacement',
    hint: 'Name what replaces it in `replacedBy`, so that readers know where to go.',
  },
  // The team's rules (archsite.rules.yaml)
  'team-rule': {
    severity: 'warning',
    title: 'Breach of a rule the team wrote (its severity is the rule’s own)',
    hint: 'Change the element as the rule asks, or change the rule in archsite.rules.yaml.',
  },
  'invalid-rule': {
    severity: 'error',
    title: 'Rule that cannot be applied',
    hint: 'Name a check archsite has (see this page), and keep an error an error.',
  },
  // Contracts against a base revision (`check --base`)
  'unknown-event-field': {
    severity: 'warning',
    title: 'A consumer reads a field the event’s schema does not have',
    hint: 'Correct the field path in `events.consumes[].fields` (data.total, lines[].sku), or add the field to the event’s schema.',
  },
  'breaking-change': {
    severity: 'warning',
    title: 'Contract change that breaks its consumers, without a new major version',
    hint: 'Keep what the consumers read (add instead of change), or raise the major number of `version` and tell the consumers named.',
  },
  'versioned-breaking-change': {
    severity: 'warning',
    title: 'Breaking contract change, announced by a new major version (allowed: --strict does not fail on it)',
    hint: 'Nothing to fix: make sure the consumers named move to the new version.',
  },
  // What is deployed against the model (`check --against`)
  'drift-source': {
    severity: 'error',
    title: 'The compose file or manifests to compare with cannot be read',
    hint: 'Point --against at a docker-compose file, a Kubernetes manifest, or a folder of manifests (kubectl get -o yaml output too).',
  },
  'drift-unmodelled': {
    severity: 'warning',
    title: 'Deployed, but not in the model',
    hint: 'Add a service or resource for it (npm run import can draft it), or name the existing one as it is deployed.',
  },
  'drift-undeployed': {
    severity: 'warning',
    title: 'In the model, but not deployed there',
    hint: 'Deploy it, mark it `lifecycle: planned` or `retired`, or remove it from the model.',
  },
  'drift-replicas': {
    severity: 'warning',
    title: 'Replicas differ between the model and what is deployed',
    hint: 'Set the replicas in the model (`deployment.replicas`, or the deployment instance) to what runs, or scale what runs.',
  },
  'drift-image': {
    severity: 'warning',
    title: 'Image or version differs between the model and what is deployed',
    hint: 'Set `deployment.image` to the image that runs, or deploy the one the model names.',
  },
  'drift-dependency': {
    severity: 'warning',
    title: 'Dependency seen where it is deployed, but not in the model',
    hint: 'Add it to the service’s `dependencies` (or `data.stores`), or remove the setting that points at it.',
  },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;
