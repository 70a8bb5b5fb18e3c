/**
 * Packing rendered pieces into as few platform messages ("pages") as their
 * limits allow, never dropping one, and keeping together what reads together:
 * a small group never straddles two pages, buttons stay with the content they
 * act on, and a heading does not end a page alone.
 */

/** heading: sticks to what follows. actions: sticks to what precedes. */
export type GroupRole = 'heading' | 'actions' | 'content';

/** The rendering of one model block: items (Slack blocks, card elements…) that belong together. */
export interface PageGroup<T> {
  readonly role: GroupRole;
  readonly items: readonly T[];
}

export interface PageBudget<T> {
  /** Per dimension, the most one page may hold (e.g. blocks and characters). */
  readonly limits: readonly number[];
  /** What `item` costs on a page where `previous` comes right before it (undefined at the top of a page). */
  cost(item: T, previous: T | undefined): readonly number[];
}

interface Placed<T> {
  readonly item: T;
  readonly group: number;
}

export function paginate<T>(groups: readonly PageGroup<T>[], budget: PageBudget<T>): T[][] {
  const pages: Placed<T>[][] = [];
  let page: Placed<T>[] = [];
  let totals: number[] = budget.limits.map(() => 0);
  const startPage = (entries: Placed<T>[]) => {
    if (page.length > 0) pages.push(page);
    page = entries;
    totals =
      totalCost(
        entries.map((entry) => entry.item),
        budget,
      ) ?? [];
  };

  groups.forEach((group, groupIndex) => {
    if (group.items.length === 0) return;
    const placed = group.items.map((item) => ({ item, group: groupIndex }));
    const withGroup = addCost(totals, placed, page[page.length - 1]?.item, budget);
    if (withGroup !== null) {
      page.push(...placed);
      totals = withGroup;
      return;
    }
    if (totalCost(group.items, budget) !== null) {
      const { kept, carried } = carryOver(page, placed, groups, budget);
      page = kept;
      startPage([...carried, ...placed]);
      return;
    }
    // Larger than a page: fill this page, then as many more as it takes.
    for (const entry of placed) {
      let withItem = addCost(totals, [entry], page[page.length - 1]?.item, budget);
      if (withItem === null) {
        startPage([]);
        withItem = addCost(totals, [entry], undefined, budget);
        if (withItem === null) throw new Error('One rendered piece is larger than a whole message may be.');
      }
      page.push(entry);
      totals = withItem;
    }
  });
  if (page.length > 0) pages.push(page);
  return pages.map((entries) => entries.map((entry) => entry.item));
}

/** `totals` plus the cost of `entries` placed after `previous`, or null when a limit is exceeded. */
function addCost<T>(
  totals: readonly number[],
  entries: readonly Placed<T>[],
  previous: T | undefined,
  budget: PageBudget<T>,
): number[] | null {
  const sums = [...totals];
  let before = previous;
  for (const { item } of entries) {
    const cost = budget.cost(item, before);
    for (let dimension = 0; dimension < budget.limits.length; dimension++) {
      sums[dimension] = (sums[dimension] ?? 0) + (cost[dimension] ?? 0);
      if ((sums[dimension] ?? 0) > (budget.limits[dimension] ?? 0)) return null;
    }
    before = item;
  }
  return sums;
}

/** What moves from the end of a full page to the next one along with the group that starts it. */
function carryOver<T>(
  page: readonly Placed<T>[],
  incoming: readonly Placed<T>[],
  groups: readonly PageGroup<T>[],
  budget: PageBudget<T>,
): { kept: Placed<T>[]; carried: Placed<T>[] } {
  let kept = [...page];
  let carried: Placed<T>[] = [];
  let nextRole = groups[incoming[0]?.group ?? -1]?.role ?? 'content';
  while (kept.length > 0) {
    const previousGroup = kept[kept.length - 1]?.group ?? -1;
    const previousRole = groups[previousGroup]?.role ?? 'content';
    if (nextRole !== 'actions' && previousRole !== 'heading') break;
    const start = kept.findIndex((entry) => entry.group === previousGroup);
    const wholeGroupHere = kept.length - start === groups[previousGroup]?.items.length;
    // Content that began on an earlier page: only its last piece goes along with the buttons.
    const from = wholeGroupHere ? start : kept.length - 1;
    if (from === 0) break;
    const candidate = [...kept.slice(from), ...carried];
    if (
      totalCost(
        [...candidate, ...incoming].map((entry) => entry.item),
        budget,
      ) === null
    )
      break;
    carried = candidate;
    kept = kept.slice(0, from);
    if (!wholeGroupHere) break;
    nextRole = previousRole;
  }
  return { kept, carried };
}

/** The summed cost of `items` as one page, or null when it exceeds a limit. */
function totalCost<T>(items: readonly T[], budget: PageBudget<T>): number[] | null {
  return addCost(
    budget.limits.map(() => 0),
    items.map((item) => ({ item, group: -1 })),
    undefined,
    budget,
  );
}
