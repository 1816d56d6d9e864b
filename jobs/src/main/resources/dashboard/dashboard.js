// ScaleSweep dashboard: four Vega-Lite panels over the study's tables, embedded in the page as JSON
// by the report stage. No network: vega, vega-lite and vega-embed are vendored under vendor/.
(function () {
  'use strict';

  const OVERALL = 'overall';
  const DATA = JSON.parse(document.getElementById('scalesweep-data').textContent);
  const meta = DATA.meta;

  /** Columnar table → array of row objects. */
  function table(name) {
    const t = DATA.tables[name];
    if (!t) {
      return [];
    }
    return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
  }

  const T = {
    runs: table('runs'),
    frontier: table('frontier'),
    fits: table('power_fits'),
    significance: table('significance'),
    crossovers: table('crossovers'),
    curves: table('curves'),
    parity: table('parity'),
  };

  const unique = (xs) => Array.from(new Set(xs));
  const byNumber = (a, b) => a - b;
  const corpora = unique(T.runs.map((r) => r.corpus)).sort();
  const caseStudies = meta.case_studies.length ? meta.case_studies
    : unique(T.significance.map((r) => r.study)).map((name) => ({ name, subgroups: [], baseline: '' }));

  /** "1e18", "3e18": short labels of budgets, in numeric order. */
  const budgetLabel = (b) => b.toExponential(0).replace('e+', 'e');
  const budgets = unique(T.runs.map((r) => r.budget)).sort(byNumber);
  const budgetLabels = budgets.map(budgetLabel);

  const state = {
    study: caseStudies.length ? caseStudies[0].name : OVERALL,
    corpus: corpora[0],
    subgroup: OVERALL,
    sort: 'delta_beta',
  };

  /** The static figures' subgroup → colour map of the selected study (baseline black, overall grey). */
  function colorScale(names) {
    const cs = caseStudies.find((c) => c.name === state.study) || {};
    const map = cs.colors || {};
    const domain = names.filter((n) => map[n] !== undefined);
    return { domain, range: domain.map((n) => map[n]) };
  }

  const views = {};
  let renders = 0;

  // ---------- selectors ----------

  function fill(select, values, current) {
    select.innerHTML = '';
    for (const v of values) {
      const o = document.createElement('option');
      o.value = v;
      o.textContent = v;
      select.appendChild(o);
    }
    select.value = values.includes(current) ? current : values[0];
    return select.value;
  }

  function subgroupsOf(study) {
    const cs = caseStudies.find((c) => c.name === study);
    const named = cs && cs.subgroups.length ? cs.subgroups
      : unique(T.runs.filter((r) => r.study === study).map((r) => r.subgroup));
    return [OVERALL].concat(named);
  }

  function syncSelectors() {
    state.study = fill(document.getElementById('study'), caseStudies.map((c) => c.name), state.study);
    state.corpus = fill(document.getElementById('corpus'), corpora, state.corpus);
    state.subgroup = fill(document.getElementById('subgroup'), subgroupsOf(state.study), state.subgroup);
    document.getElementById('sort').value = state.sort;
  }

  // ---------- data of the current selection ----------

  /** Rows of a subgroup: the overall loss is stored once, under study "overall". */
  const inStudy = (r, subgroup) => r.study === (subgroup === OVERALL ? OVERALL : state.study);

  /** Least-squares parabola y = c0 + c1·u + c2·u² (u = log10 x − centre); null when under-determined. */
  function parabola(xs, ys) {
    if (xs.length < 3) {
      return null;
    }
    const us = xs.map((x) => Math.log10(x));
    const centre = us.reduce((a, b) => a + b, 0) / us.length;
    const s = [0, 0, 0, 0, 0];
    const t = [0, 0, 0];
    us.forEach((u0, i) => {
      const u = u0 - centre;
      for (let k = 0; k < 5; k++) s[k] += Math.pow(u, k);
      for (let k = 0; k < 3; k++) t[k] += ys[i] * Math.pow(u, k);
    });
    const m = [[s[0], s[1], s[2]], [s[1], s[2], s[3]], [s[2], s[3], s[4]]];
    const det = (a) => a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
      + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
    const d = det(m);
    if (!(Math.abs(d) > 1e-12)) {
      return null;
    }
    const c = [0, 1, 2].map((j) => det(m.map((row, i) => row.map((v, k) => (k === j ? t[i] : v)))) / d);
    return (x) => { const u = Math.log10(x) - centre; return c[0] + c[1] * u + c[2] * u * u; };
  }

  function isoflopData() {
    const runs = T.runs.filter((r) => r.corpus === state.corpus && r.subgroup === state.subgroup
      && inStudy(r, state.subgroup)).map((r) => Object.assign({ budget_label: budgetLabel(r.budget) }, r));
    const frontier = T.frontier.filter((r) => r.corpus === state.corpus && r.subgroup === state.subgroup
      && inStudy(r, state.subgroup) && r.usable && r.loss_opt !== null);
    // each budget's fitted parabola in log10 tokens (what the frontier's optimum comes from), not a zig-zag
    const curves = [];
    for (const b of unique(runs.map((r) => r.budget))) {
      const rs = runs.filter((r) => r.budget === b);
      const f = parabola(rs.map((r) => r.tokens), rs.map((r) => r.loss));
      if (!f) {
        continue;
      }
      const lo = Math.log10(Math.min(...rs.map((r) => r.tokens)));
      const hi = Math.log10(Math.max(...rs.map((r) => r.tokens)));
      for (let k = 0; k <= 30; k++) {
        const tokens = Math.pow(10, lo + (hi - lo) * k / 30);
        curves.push({ budget_label: budgetLabel(b), tokens, loss: f(tokens) });
      }
    }
    return { runs, frontier, curves };
  }

  function computeData() {
    // the selected study's subgroups on their own scale: the overall loss (another scale, which would flatten
    // them) only for a study without case studies
    const own = T.frontier.some((r) => r.study === state.study && r.subgroup !== OVERALL);
    const points = T.frontier.filter((r) => r.corpus === state.corpus && r.usable && r.loss_opt !== null
      && (own ? r.study === state.study && r.subgroup !== OVERALL : r.study === OVERALL && r.subgroup === OVERALL));
    const lo = Math.log10(budgets[0]);
    const hi = Math.log10(budgets[budgets.length - 1]);
    const lines = [];
    for (const sub of unique(points.map((p) => p.subgroup))) {
      const fit = T.fits.filter((f) => f.corpus === state.corpus && f.subgroup === sub && inStudy(f, sub));
      const alpha = (fit.find((f) => f.param === 'alpha') || {}).estimate;
      const beta = (fit.find((f) => f.param === 'beta') || {}).estimate;
      if (alpha === null || alpha === undefined || beta === null || beta === undefined || !(alpha > 0)) {
        continue;
      }
      for (let k = 0; k <= 40; k++) {
        const f = Math.pow(10, lo + (hi - lo) * k / 40);
        // α is stated at F = 1 FLOP: evaluate in logs to stay finite
        lines.push({ subgroup: sub, budget: f, loss: Math.exp(Math.log(alpha) - beta * Math.log(f)), alpha, beta });
      }
    }
    return { points, lines };
  }

  function relativeData() {
    const treatmentSelected = state.subgroup !== OVERALL
      && T.curves.some((c) => c.study === state.study && c.treatment === state.subgroup);
    const curves = T.curves.filter((c) => c.study === state.study && c.corpus === state.corpus);
    const lo = Math.log10(meta.budget_low);
    const hi = Math.log10(meta.budget_high);
    // only crossovers the data locate: a bounded set inside the budgets (unresolved ones are never drawn)
    const crossovers = T.crossovers.filter((x) => x.study === state.study && x.corpus === state.corpus
      && x.log10_crossover !== null && x.ci_shape === 'bounded' && x.ci_low >= lo && x.ci_high <= hi
      && (!treatmentSelected || x.treatment_1 === state.subgroup || x.treatment_2 === state.subgroup))
      .map((x) => Object.assign({
        flops: Math.pow(10, x.log10_crossover),
        pair: x.treatment_1 + ' × ' + x.treatment_2,
        interval: x.ci_low === null ? 'n/a'
          : Math.pow(10, x.ci_low).toExponential(1) + ' – ' + Math.pow(10, x.ci_high).toExponential(1),
      }, x));
    const parity = T.parity.filter((p) => p.study === state.study && p.corpus === state.corpus && p.resolved)
      .map((p) => Object.assign({ flops: Math.pow(10, p.log10_parity), one: 1, low: Math.pow(10, p.ci_low),
        high: Math.pow(10, p.ci_high) }, p));
    const span = curves.length ? [Math.min(...curves.map((c) => c.flops)), Math.max(...curves.map((c) => c.flops))] : [];
    const unity = span.length ? [{ flops: span[0], g: 1 }, { flops: span[1], g: 1 }] : [];
    return { curves, crossovers, parity, unity, highlight: treatmentSelected ? state.subgroup : null };
  }

  /**
   * Rows of the forest plot: the paired contrasts (treatment subgroups vs the baseline subgroup, every corpus) or,
   * with unpaired, the corpus-vs-corpus contrasts (one subgroup between two separately trained sweeps; the row's
   * corpus is "treatment sweep vs baseline sweep", every one drawn opaque).
   */
  function forestData(unpaired) {
    const rows = T.significance.filter((r) => r.study === state.study && (r.pairing === 'unpaired') === !!unpaired)
      .map((r) => Object.assign({
        selected: unpaired ? true : r.corpus === state.corpus,
        verdict: r.q_value !== null && r.q_value < r.alpha && r.delta_beta !== null ? 'significant (BH)'
          : 'not significant',
      }, r));
    const mine = rows.filter((r) => r.selected);
    let order = unique(rows.map((r) => r.treatment)).sort();
    if (state.sort !== 'name') {
      const key = (t) => {
        const r = mine.find((m) => m.treatment === t);
        const v = r ? r[state.sort] : null;
        return v === null || v === undefined ? Infinity : v;
      };
      order = order.slice().sort((a, b) => key(a) - key(b) || a.localeCompare(b));
    }
    // simulated studies know the true Δβ; ingested ones do not
    const truths = rows.filter((r) => r.true_delta_beta !== null);
    const groups = unpaired ? unique(rows.map((r) => r.corpus)).sort() : corpora;
    return { rows, order, truths, groups };
  }

  // ---------- specs ----------

  const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
  // 'container': each chart takes its panel's width (legends included), so nothing is cut off
  const WIDTH = 'container';
  const HEIGHT = 300;
  const fmt = (f) => ({ field: f, type: 'quantitative', format: '.4~g' });
  // zoom (wheel) and pan (drag) on both axes of a panel; double-click resets
  const ZOOM = [{ name: 'zoom', select: 'interval', bind: 'scales' }];
  const logX = (field, title) => ({ field, type: 'quantitative', scale: { type: 'log', nice: false }, title,
    axis: { format: '.0e' } });

  function isoflopSpec(d) {
    const x = logX('tokens', 'tokens D');
    const y = { field: 'loss', type: 'quantitative', scale: { zero: false }, title: 'loss (nats)' };
    const color = { field: 'budget_label', type: 'ordinal', sort: budgetLabels, title: 'budget (FLOPs)',
      scale: { scheme: 'viridis' } };
    const runTooltip = [{ field: 'run_id' }, { field: 'budget_label', title: 'budget' }, { field: 'width' },
      { field: 'depth' }, { field: 'heads' }, fmt('params'), fmt('tokens'), { field: 'batch' }, { field: 'steps' },
      fmt('learning_rate'), fmt('loss'), fmt('loss_sd'), { field: 'replicates' }, fmt('accuracy')];
    return {
      $schema: SCHEMA, width: WIDTH, height: HEIGHT, autosize: { type: 'fit', contains: 'padding' },
      layer: [
        { data: { values: d.curves }, mark: { type: 'line', opacity: 0.8 },
          encoding: { x, y, color, order: { field: 'tokens' } } },
        { data: { values: d.runs }, mark: { type: 'point', filled: true, size: 45 }, params: ZOOM,
          encoding: { x, y, color, tooltip: runTooltip } },
        { data: { values: d.frontier }, mark: { type: 'line', color: 'black', strokeDash: [4, 3] },
          encoding: { x: logX('tokens_opt'), y: { field: 'loss_opt', type: 'quantitative' } } },
        { data: { values: d.frontier }, mark: { type: 'point', shape: 'diamond', size: 130, color: 'black',
          filled: true },
          encoding: { x: logX('tokens_opt'), y: { field: 'loss_opt', type: 'quantitative' },
            tooltip: [fmt('budget'), fmt('tokens_opt'), fmt('params_opt'), fmt('loss_opt'),
              { field: 'extrapolated' }] } },
      ],
    };
  }

  function computeSpec(d) {
    const x = logX('budget', 'compute F (FLOPs)');
    const color = { field: 'subgroup', type: 'nominal', title: 'subgroup',
      scale: colorScale(unique(d.points.map((p) => p.subgroup))) };
    // nothing selected in the study (subgroup "overall"): every subgroup at full strength
    const strong = state.subgroup === OVERALL ? { value: 1 }
      : { condition: { test: `datum.subgroup === ${JSON.stringify(state.subgroup)}`, value: 1 }, value: 0.35 };
    return {
      $schema: SCHEMA, width: WIDTH, height: HEIGHT, autosize: { type: 'fit', contains: 'padding' },
      layer: [
        { data: { values: d.lines }, mark: { type: 'line' },
          encoding: { x, y: { field: 'loss', type: 'quantitative', scale: { zero: false },
            title: 'loss at the optimum (nats)' }, color, opacity: strong,
          strokeWidth: { condition: { test: `datum.subgroup === ${JSON.stringify(state.subgroup)}`, value: 3 },
            value: 1.5 },
          tooltip: [{ field: 'subgroup' }, fmt('alpha'), fmt('beta')] } },
        { data: { values: d.points }, mark: { type: 'point', filled: true, size: 50 }, params: ZOOM,
          encoding: { x, y: { field: 'loss_opt', type: 'quantitative' }, color, opacity: strong,
            tooltip: [{ field: 'subgroup' }, fmt('budget'), fmt('loss_opt'), fmt('tokens_opt'),
              fmt('params_opt')] } },
      ],
    };
  }

  function relativeSpec(d) {
    const x = logX('flops', 'compute F (FLOPs)');
    const color = { field: 'treatment', type: 'nominal', title: 'treatment', legend: { symbolOpacity: 1 },
      scale: colorScale(unique(d.curves.map((c) => c.treatment))) };
    const emphasis = d.highlight === null ? { value: 1 }
      : { condition: { test: `datum.treatment === ${JSON.stringify(d.highlight)}`, value: 1 }, value: 0.2 };
    const bandOpacity = d.highlight === null ? { value: 0.15 }
      : { condition: { test: `datum.treatment === ${JSON.stringify(d.highlight)}`, value: 0.3 }, value: 0.04 };
    const curveTooltip = [{ field: 'treatment' }, { field: 'baseline' }, fmt('flops'), fmt('observed'), fmt('fit'),
      fmt('band_low'), fmt('band_high'), { field: 'resamples' }];
    return {
      $schema: SCHEMA, width: WIDTH, height: HEIGHT, autosize: { type: 'fit', contains: 'padding' },
      layer: [
        { data: { values: d.curves }, mark: { type: 'area' },
          encoding: { x, y: { field: 'band_low', type: 'quantitative', scale: { zero: false },
            title: 'G(F) = E_treatment / E_baseline' }, y2: { field: 'band_high' }, color, opacity: bandOpacity } },
        { data: { values: d.curves }, mark: { type: 'line' },
          encoding: { x, y: { field: 'fit', type: 'quantitative' }, color, opacity: emphasis } },
        { data: { values: d.curves }, transform: [{ filter: 'datum.observed !== null' }],
          mark: { type: 'point', filled: true, size: 45 }, params: ZOOM,
          encoding: { x, y: { field: 'observed', type: 'quantitative' }, color, opacity: emphasis,
            tooltip: curveTooltip } },
        // G = 1: parity with the baseline
        { data: { values: d.unity }, mark: { type: 'line', color: 'black', strokeDash: [6, 4] },
          encoding: { x, y: { field: 'g', type: 'quantitative' } } },
      ].concat(d.parity.length === 0 ? [] : [
        { data: { values: d.parity }, mark: { type: 'rule', strokeWidth: 4 },
          encoding: { x: Object.assign({}, x, { field: 'low' }), x2: { field: 'high' },
            y: { field: 'one', type: 'quantitative' }, color } },
        { data: { values: d.parity }, mark: { type: 'point', shape: 'diamond', filled: true, size: 120 },
          encoding: { x, y: { field: 'one', type: 'quantitative' }, color,
            tooltip: [{ field: 'treatment' }, { field: 'baseline' }, fmt('flops'), fmt('low'), fmt('high')] } },
      ]).concat(d.crossovers.length === 0 ? [] : [
        { data: { values: d.crossovers }, mark: { type: 'rule', strokeDash: [2, 2], color: '#444' },
          encoding: { x: { field: 'flops', type: 'quantitative' },
            tooltip: [{ field: 'pair', title: 'crossover' }, fmt('flops'), { field: 'interval', title: 'interval' },
              { field: 'valid_resamples' }] } },
        { data: { values: d.crossovers }, mark: { type: 'text', angle: 270, align: 'left', dx: 4, dy: -4,
          fontSize: 10, color: '#444' },
          encoding: { x: { field: 'flops', type: 'quantitative' }, y: { value: 4 }, text: { field: 'pair' } } },
      ]),
    };
  }

  function forestSpec(d) {
    const y = { field: 'treatment', type: 'nominal', sort: d.order, title: null };
    const tooltip = [{ field: 'corpus' }, { field: 'treatment' }, { field: 'baseline' }, fmt('delta_beta'),
      fmt('ci_low'), fmt('ci_high'), fmt('p_value'), fmt('q_value'), { field: 'verdict' }, fmt('gamma'),
      fmt('change_per_decade'), fmt('true_delta_beta'), { field: 'covers_truth' }, { field: 'valid_resamples' },
      { field: 'flags' }];
    const color = { field: 'verdict', type: 'nominal', title: `sign, BH q < ${meta.alpha}`,
      scale: { domain: ['significant (BH)', 'not significant'],
        range: [meta.significant_color, meta.not_significant_color] } };
    const opacity = { condition: { test: 'datum.selected', value: 1 }, value: 0.3 };
    const yOffset = { field: 'corpus', type: 'nominal', sort: d.groups };
    const height = Math.max(HEIGHT, d.order.length * d.groups.length * 9 + 40);
    return {
      $schema: SCHEMA, width: WIDTH, height, autosize: { type: 'fit-x', contains: 'padding' },
      layer: [
        { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#999' },
          encoding: { x: { field: 'zero', type: 'quantitative' } } },
        { data: { values: d.rows }, mark: { type: 'rule', strokeWidth: 2 },
          encoding: { y, yOffset, x: { field: 'ci_low', type: 'quantitative', title: 'Δβ (β_baseline − β_treatment)' },
            x2: { field: 'ci_high' }, color, opacity, tooltip } },
        { data: { values: d.rows }, mark: { type: 'point', filled: true, size: 60 },
          params: [{ name: 'zoom', select: { type: 'interval', encodings: ['x'] }, bind: 'scales' }],
          encoding: { y, yOffset, x: { field: 'delta_beta', type: 'quantitative' }, color, opacity,
            shape: { field: 'corpus', type: 'nominal', sort: d.groups, title: 'corpus' }, tooltip } },
      ].concat(d.truths.length === 0 ? [] : [
        { data: { values: d.truths }, mark: { type: 'tick', color: 'black', thickness: 1.5, size: 8 },
          encoding: { y, yOffset, x: { field: 'true_delta_beta', type: 'quantitative' }, opacity,
            tooltip: [{ field: 'corpus' }, { field: 'treatment' }, fmt('true_delta_beta')] } },
      ]),
    };
  }

  // ---------- rendering ----------

  const PANELS = [
    ['isoflop', () => isoflopSpec(isoflopData()), () => isoflopData().runs.length],
    ['compute', () => computeSpec(computeData()), () => computeData().points.length],
    ['relative', () => relativeSpec(relativeData()), () => relativeData().curves.length],
    ['forest', () => forestSpec(forestData()), () => forestData().rows.length],
    ['unpaired', () => forestSpec(forestData(true)), () => forestData(true).rows.length],
  ];

  async function render() {
    const jobs = PANELS.map(async ([id, spec, size]) => {
      const el = document.getElementById('chart-' + id);
      if (views[id]) {
        views[id].finalize();
        delete views[id];
      }
      el.innerHTML = '';
      if (size() === 0) {
        el.innerHTML = '<p class="empty">No data for this selection.</p>';
        return;
      }
      const result = await vegaEmbed(el, spec(), { actions: false, renderer: 'svg' });
      views[id] = result.view;
    });
    await Promise.all(jobs);
    renders += 1;
    document.body.dataset.renders = String(renders);
  }

  function describe() {
    document.getElementById('description').textContent = meta.description;
    document.getElementById('meta').textContent = `config ${meta.config_hash.slice(0, 12)} · seed ${meta.seed} · `
      + `${meta.replicates} replicates · source ${meta.source} · ${meta.resamples} resamples (${meta.scheme} `
      + `scheme, clusters by ${meta.cluster_by}) · ${meta.interval} intervals at ${Math.round(100 * meta.level)}% · `
      + `sign test at α = ${meta.alpha}, significant = surviving Benjamini–Hochberg (q < α)`;
  }

  /** Changes one selection (also what the browser test calls through the select elements). */
  function select(key, value) {
    state[key] = value;
    if (key === 'study') {
      state.subgroup = OVERALL;
    }
    syncSelectors();
    return render();
  }

  for (const key of ['study', 'corpus', 'subgroup', 'sort']) {
    document.getElementById(key).addEventListener('change', (e) => select(key, e.target.value));
  }

  describe();
  syncSelectors();
  window.scalesweepDashboard = { state, views, select, meta, ready: render() };
})();
