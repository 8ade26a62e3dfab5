// Flows: the list, and one flow with its cycles and the graph drawn with each node's state in the chosen cycle.
import { api, card, duration, fill, h, pill, query, relative, table, time, toast } from './lib.js';
import { scheduleShort } from './tasks.js';

const svgNs = 'http://www.w3.org/2000/svg';
const s = (tag, attrs, ...children) => {
  const el = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
};

/** A flow's schedule has the task schedule's fields; a flow without one runs by hand. */
const scheduleText = (schedule) => (schedule ? scheduleShort(schedule) : 'by hand');

export function flows(view, { navigate }) {
  const list = h('div', { id: 'flow-list' });
  fill(view, h('h1', {}, 'Flows'),
    h('p', { class: 'muted' }, 'Recurring graphs of nodes; register one with ', h('code', {}, 'POST /api/v1/flows/execute'), ' or ', h('code', {}, 'actors flows execute FILE'), '.'),
    h('section', { class: 'card' }, list));
  return {
    async update() {
      const result = await api('/api/v1/flows?limit=200');
      fill(list, table(['Flow', 'Status', 'Nodes', 'Schedule', 'Last cycle', 'Next cycle'], result.flows.map((f) => ({
        onclick: () => navigate(`#/flow/${encodeURIComponent(f.flow_id)}`),
        cells: [h('a', { href: `#/flow/${encodeURIComponent(f.flow_id)}` }, f.flow_id), pill(f.status), f.nodes, scheduleText(f.schedule),
          f.last_cycle ? [`#${f.last_cycle.cycle} `, pill(f.last_cycle.state)] : '—', f.next_cycle_at ? relative(f.next_cycle_at) : '—'],
      })), 'No flows yet.'));
    },
  };
}

/** Layers by longest path from the sources: each node one column right of its furthest upstream. */
function layout(nodes, edges) {
  const layer = Object.fromEntries(nodes.map((n) => [n.id, 0]));
  for (let pass = 0; pass < nodes.length; pass++) {
    let moved = false;
    for (const e of edges) if (layer[e.target] !== undefined && layer[e.source] !== undefined && layer[e.target] < layer[e.source] + 1) { layer[e.target] = layer[e.source] + 1; moved = true; }
    if (!moved) break;
  }
  const rows = {};
  const at = {};
  for (const n of nodes) { const l = layer[n.id]; rows[l] = (rows[l] ?? 0) + 1; at[n.id] = { x: l, y: rows[l] - 1 }; }
  return at;
}

function graph(definition, states) {
  const nodes = (definition?.nodes ?? []).filter((n) => n && n.id);
  const edges = (definition?.edges ?? []).filter((e) => e && e.source && e.target);
  const at = layout(nodes, edges);
  const w = 170, hgt = 54, gx = 60, gy = 26;
  const cols = Math.max(1, ...Object.values(at).map((p) => p.x + 1));
  const rows = Math.max(1, ...Object.values(at).map((p) => p.y + 1));
  const svg = s('svg', { class: 'graph', id: 'flow-graph', width: cols * (w + gx), height: rows * (hgt + gy) + 10, viewBox: `0 0 ${cols * (w + gx)} ${rows * (hgt + gy) + 10}` });
  svg.append(s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow' }))));
  const pos = (id) => ({ x: at[id].x * (w + gx) + 10, y: at[id].y * (hgt + gy) + 10 });
  for (const e of edges) {
    if (!at[e.source] || !at[e.target]) continue;
    const a = pos(e.source), b = pos(e.target);
    const x1 = a.x + w, y1 = a.y + hgt / 2, x2 = b.x, y2 = b.y + hgt / 2;
    svg.append(s('path', { class: 'edge', d: `M${x1},${y1} C${x1 + gx / 2},${y1} ${x2 - gx / 2},${y2} ${x2},${y2}`, 'marker-end': 'url(#arrow)' }));
  }
  for (const n of nodes) {
    const p = pos(n.id);
    const state = states[n.id]?.state ?? 'not_run';
    const g = s('g', { class: `node node-${state}`, 'data-node': n.id, 'data-state': state, transform: `translate(${p.x},${p.y})` },
      s('rect', { width: w, height: hgt, rx: 8 }),
      s('text', { x: 10, y: 21, class: 'node-id' }, n.id.length > 20 ? `${n.id.slice(0, 19)}…` : n.id),
      s('text', { x: 10, y: 40, class: 'node-type' }, `${n.type ?? ''} · ${state.replaceAll('_', ' ')}`),
      s('title', {}, `${n.id} (${n.type}): ${state}`));
    svg.append(g);
  }
  return svg;
}

export function flow(view, { id, params, navigate }) {
  const title = h('h1', {}, id);
  const summary = h('div', { id: 'flow-summary' });
  const cycles = h('div', { id: 'flow-cycles' });
  const picture = h('div', { class: 'graph-box', id: 'flow-picture' });
  const nodes = h('div', { id: 'cycle-nodes' });
  const actions = h('div', { class: 'actions' });

  async function command(path, message) {
    try { await api(`/api/v1/flows/${encodeURIComponent(id)}/${path}`, { method: 'POST' }); toast(message); } catch (e) { toast(e.message, 'error'); }
  }

  fill(view, h('p', { class: 'crumbs' }, h('a', { href: '#/flows' }, 'Flows'), ' / ', id), title, actions,
    h('div', { class: 'grid two' }, card('Summary', summary), card('Cycles', cycles)),
    card('Graph', picture), card('Nodes in this cycle', nodes));

  return {
    async update() {
      const f = await api(`/api/v1/flows/${encodeURIComponent(id)}/status`);
      const chosen = params.cycle ?? f.running_cycle ?? f.last_cycle?.cycle;
      const cycle = chosen === undefined || chosen === null ? null : await api(`/api/v1/flows/${encodeURIComponent(id)}/cycles/${chosen}`).catch(() => null);
      fill(title, id, ' ', pill(f.status));
      fill(actions, h('button', { onclick: () => command('cycles', 'A cycle starts now.') }, 'Run a cycle now'),
        f.status === 'active' ? h('button', { onclick: () => command('stop', 'Flow stopped.') }, 'Stop') : h('button', { onclick: () => command('resume', 'Flow resumed.') }, 'Resume'));
      fill(summary, h('dl', { class: 'facts' },
        h('dt', {}, 'Schedule'), h('dd', {}, scheduleText(f.schedule)),
        h('dt', {}, 'Next cycle'), h('dd', {}, f.next_cycle_at ? `${time(f.next_cycle_at)} (${relative(f.next_cycle_at)})` : '—'),
        h('dt', {}, 'Nodes'), h('dd', {}, `${f.nodes} in ${f.components.length} component${f.components.length === 1 ? '' : 's'}`),
        h('dt', {}, 'Cycles'), h('dd', {}, f.cycle_count)));
      fill(cycles, table(['Cycle', 'State', 'Trigger', 'Started', 'Took'], f.cycles.slice(0, 12).map((c) => ({
        dataset: { cycle: c.cycle },
        onclick: () => navigate(`#/flow/${encodeURIComponent(id)}` + query({ cycle: c.cycle })),
        cells: [c.cycle === Number(chosen) ? h('strong', {}, `#${c.cycle}`) : `#${c.cycle}`, pill(c.state), c.trigger, time(c.started_at), duration(c.started_at, c.finished_at)],
      })), 'No cycle has run yet.'));
      const states = Object.fromEntries((cycle?.nodes ?? []).map((n) => [n.node_id, n]));
      fill(picture, cycle ? h('p', { class: 'muted' }, `Cycle #${cycle.cycle}: `, pill(cycle.state)) : h('p', { class: 'muted' }, 'The definition (no cycle yet).'), graph(f.flow_json, states));
      fill(nodes, table(['Node', 'Type', 'State', 'Attempts', 'Started', 'Took', 'Output or error'], (cycle?.nodes ?? []).map((n) => [n.node_id, n.type, pill(n.state), n.attempts,
        time(n.started_at), duration(n.started_at, n.finished_at),
        n.error ?? (n.output !== undefined ? JSON.stringify(n.output) : n.output_excerpt ?? '—')]), 'Choose a cycle.'));
    },
  };
}
