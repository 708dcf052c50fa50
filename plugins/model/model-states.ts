import { Diagnostics } from './diagnostics.ts';
import type { Element, Model } from './model.ts';
import type { ParsedElement } from './read-elements.ts';
import { resolveModel } from './resolve.ts';
import type { Lifecycle } from './schemas/common.ts';
import { DeferredLocator } from './yaml-position.ts';

/**
 * The states a view of the architecture can show: what is there now (`current`, the
 * default), what it is moving to (`target`), or both at once (`both`: everything the content
 * describes, planned and retired things drawn as such).
 */
export const MODEL_STATES = ['current', 'target', 'both'] as const;
export type ModelState = (typeof MODEL_STATES)[number];

/** The model in each state. Where nothing is planned, proposed, deprecated or retired, the three are the one model. */
export type StateModels = { readonly [S in ModelState]: Model };

/** Not there yet, or not any more. */
const ABSENT_NOW: ReadonlySet<Lifecycle> = new Set(['proposed', 'planned', 'retired']);
/** Gone once the moves under way are made: replaced, or already gone. */
const ABSENT_LATER: ReadonlySet<Lifecycle> = new Set(['deprecated', 'retired']);

function absent(state: Exclude<ModelState, 'both'>): ReadonlySet<Lifecycle> {
  return state === 'current' ? ABSENT_NOW : ABSENT_LATER;
}

function lifecycleOf(value: unknown): Lifecycle | undefined {
  return typeof value === 'object' && value !== null ? (value as { lifecycle?: Lifecycle }).lifecycle : undefined;
}

/** Whether anything in the model has a state other than active: an element, or a service's dependency. */
function hasStates(model: Model): boolean {
  return model.elements.some(
    (el) =>
      (lifecycleOf(el.data) ?? 'active') !== 'active' ||
      (el.kind === 'service' && (el.data.dependencies ?? []).some((dep) => (lifecycleOf(dep) ?? 'active') !== 'active')),
  );
}

/**
 * The model as it is in `state`: the elements not there in that state left out, and the
 * dependencies not there left out of their services; resolved again, so that every relation
 * to what was left out goes too (the references that dangle are not faults here: the whole
 * model was checked).
 */
export function modelInState(model: Model, state: Exclude<ModelState, 'both'>): Model {
  const gone = absent(state);
  const kept = model.elements.filter((el) => !gone.has(lifecycleOf(el.data) ?? 'active'));
  const nowhere = new DeferredLocator(() => undefined);
  const parsed = kept.map((el) => ({ ...withoutRelations(el, gone), locate: nowhere }) as ParsedElement);
  const system = { ...model.system, locate: nowhere };
  return resolveModel(model.contentDir, system, parsed, [], new Diagnostics()).model;
}

/** A service without the dependencies that are not there in this state; any other element as it is. */
function withoutRelations(el: Element, gone: ReadonlySet<Lifecycle>): Element {
  if (el.kind !== 'service' || el.data.dependencies === undefined) return el;
  const dependencies = el.data.dependencies.filter((dep) => !gone.has(lifecycleOf(dep) ?? 'active'));
  return { ...el, data: { ...el.data, dependencies } } as Element;
}

/** Each model's states, worked out once: the build asks for them for its views and again for its containers choice. */
const known = new WeakMap<Model, StateModels>();

/** The model in every state: resolved twice more only where something is not simply active, and once a model. */
export function stateModels(model: Model): StateModels {
  let models = known.get(model);
  if (models === undefined) {
    models = hasStates(model)
      ? { current: modelInState(model, 'current'), target: modelInState(model, 'target'), both: model }
      : { current: model, target: model, both: model };
    known.set(model, models);
  }
  return models;
}
