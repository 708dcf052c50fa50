export { label, nodeId } from './escape.ts';
export {
  renderFlowchart,
  type FlowEdge,
  type FlowGroup,
  type FlowNode,
  type Flowchart,
  type LegendItem,
  type NodeStyle,
  type RelationKind,
} from './flowchart.ts';
export { viewOptions, type ViewOptions } from './options.ts';
export {
  buildStateView,
  buildView,
  containerViews,
  plannedViews,
  siteViews,
  VIEW_NAMES,
  type DiagramView,
  type ViewName,
} from './views.ts';
