import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { selectedFieldNames, type SelectionInfo } from './graphql-selection';

/** What a resolver of the document's first field named `at` would be told: its nodes and the fragments. */
function infoAt(document: string, at: string): SelectionInfo {
  const doc = parse(document);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const nodes: FieldNode[] = [];
  const visit = (selections: readonly FieldNode[]) => {
    for (const field of selections) {
      if (field.name.value === at) nodes.push(field);
      else if (field.selectionSet) visit(field.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD));
    }
  };
  visit(operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD));
  return { fieldNodes: nodes, fragments };
}

const names = (info: SelectionInfo, path: string[]) => [...selectedFieldNames(info, path)].sort();

describe('selectedFieldNames', () => {
  it('names the fields at a path, by field name rather than alias', () => {
    const info = infoAt('{ model { calendar { entries { booking { title heading: title brand { name } } } } } }', 'calendar');
    expect(names(info, ['entries', 'booking'])).toEqual(['brand', 'title']);
    expect(names(info, ['entries'])).toEqual(['booking']);
    expect(names(info, [])).toEqual(['entries']);
  });

  it('reads through named fragments, nested, and inline fragments of any type', () => {
    const info = infoAt(
      `query { model { calendar { ...Entries } } }
       fragment Entries on Calendar { entries { booking { ...Parts ... on PhysicalBooking { locationName } } } }
       fragment Parts on Booking { id ... on DigitalBooking { usageMedia ...Parts } }`,
      'calendar',
    );
    expect(names(info, ['entries', 'booking'])).toEqual(['id', 'locationName', 'usageMedia']);
  });

  it('joins what every alias of a path asks, and counts fields under @skip or @include', () => {
    const info = infoAt(
      `query($x: Boolean!) { model { calendar { a: entries { booking { id } } b: entries { booking { title @include(if: $x) } } } } }`,
      'calendar',
    );
    expect(names(info, ['entries', 'booking'])).toEqual(['id', 'title']);
  });

  it('joins the nodes a resolver is given for one field asked twice', () => {
    const info = infoAt('{ model { calendar { entries { type } } calendar { entries { start } } } }', 'calendar');
    expect(info.fieldNodes).toHaveLength(2);
    expect(names(info, ['entries'])).toEqual(['start', 'type']);
  });

  it('is empty where the path is not asked', () => {
    const info = infoAt('{ model { calendar { entries { type } } } }', 'calendar');
    expect(names(info, ['entries', 'booking'])).toEqual([]);
    expect(names(info, ['days', 'entries', 'booking'])).toEqual([]);
  });
});
