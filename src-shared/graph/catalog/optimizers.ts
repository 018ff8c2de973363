/**
 * Optimizer blocks, with torch.optim's names and defaults (Adam's as the lecture gives them)
 * and each update rule written as the lecture writes it (α learning rate, k the step).
 */
import type { BlockDefinition } from '../block';
import { formatShort } from '../format';
import type { ParamSpec } from '../params';
import type { PortSpec } from '../ports';
import { beta, bool, eps, lr, num, read, weightDecay } from './specs';

/** A schedule connected here overrides the optimizer's own lr. */
const inputs: readonly PortSpec[] = [{ name: 'lr', type: 'lr' }];
const outputs: readonly PortSpec[] = [{ name: 'optimizer', type: 'optimizer' }];

const GRAD = '\\nabla_{\\theta} \\mathcal{L}(\\theta_k)';

const ADAM_MOMENTS = [
  `m_k &= (1 - \\beta_1)${GRAD} + \\beta_1 m_{k-1}`,
  `v_k &= (1 - \\beta_2)(${GRAD})^2 + \\beta_2 v_{k-1}`,
  '\\hat{m}_k &= \\frac{m_k}{1 - \\beta_1^k} \\qquad \\hat{v}_k = \\frac{v_k}{1 - \\beta_2^k}',
];

const aligned = (lines: readonly string[]): string =>
  `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;

const momentum = (help: string): ParamSpec => num({ default: 0, min: 0, max: 1, help });

/** A velocity exists once momentum is on (SGD, RMSProp) … */
const withMomentum = {
  hasVelocity: (params: Readonly<Record<string, unknown>>) => read(params, 'momentum', 0) > 0,
};
/** … or always, as a first moment m (the Adam family, Lion). */
const firstMoment = { hasVelocity: () => true };
const beta1 = () => beta(0.9, 'β₁: decay of the running mean of gradients (m)');
const beta2 = () => beta(0.999, 'β₂: decay of the running mean of squared gradients (v)');
/** The Adam family's shared params: lr, β₁, β₂, ε (torch's defaults but for lr). */
const adamParams = (lrDefault: number) => ({
  lr: lr(lrDefault),
  beta1: beta1(),
  beta2: beta2(),
  eps: eps(1e-8),
});
const amsgrad = () =>
  bool({ default: false, help: 'AMSGrad: divide by the largest v̂ seen so far' });

function optimizer(
  block: Omit<BlockDefinition, 'kind' | 'inputs' | 'outputs' | 'summary'> & {
    summary?: BlockDefinition['summary'];
  },
): BlockDefinition {
  return {
    kind: 'optimizer',
    inputs,
    outputs,
    summary: (params) => `${block.title} · lr ${formatShort(read(params, 'lr', 0))}`,
    ...block,
  };
}

export const optimizerBlocks: readonly BlockDefinition[] = [
  optimizer({
    type: 'optimizer.sgd',
    facts: withMomentum,
    title: 'SGD',
    description: 'Gradient descent on minibatches, with optional (Nesterov) momentum',
    params: {
      lr: lr(0.01),
      momentum: momentum('μ: how much of the previous direction is blended in'),
      nesterov: bool({ default: false, help: 'Nesterov momentum: look ahead along the velocity' }),
      weightDecay: weightDecay(0, 'L2 penalty added to the gradient: g + λθ'),
    },
    summary: (params) => {
      const m = read(params, 'momentum', 0);
      const kind = m === 0 ? '' : read(params, 'nesterov', false) ? ' · Nesterov' : ' · momentum';
      const mu = m === 0 ? '' : ` ${formatShort(m)}`;
      return `SGD · lr ${formatShort(read(params, 'lr', 0.01))}${kind}${mu}`;
    },
    updateRule: aligned([
      `g_k &= ${GRAD} + \\mu g_{k-1}`,
      '\\theta_{k+1} &= \\theta_k - \\alpha g_k',
      `\\text{Nesterov: } \\theta_{k+1} &= \\theta_k - \\alpha (${GRAD} + \\mu g_k)`,
    ]),
    check: (params) =>
      params.nesterov === true && params.momentum === 0
        ? [{ param: 'nesterov', message: 'needs momentum > 0 (as torch.optim.SGD)' }]
        : [],
  }),
  optimizer({
    type: 'optimizer.adagrad',
    title: 'AdaGrad',
    description: 'Per-dimension step sizes from the sum of all past squared gradients',
    params: {
      lr: lr(0.01),
      eps: eps(1e-10),
      initialAccumulator: num({
        default: 0,
        min: 0,
        max: 1e6,
        help: 'Starting value of the sum of squared gradients s₀',
      }),
    },
    updateRule: aligned([
      `s_k &\\leftarrow s_{k-1} + (${GRAD})^2`,
      `\\theta_{k+1} &= \\theta_k - \\alpha \\frac{${GRAD}}{\\sqrt{s_k}}`,
    ]),
  }),
  optimizer({
    type: 'optimizer.rmsprop',
    facts: withMomentum,
    title: 'RMSProp',
    description: 'Per-dimension step sizes from a running average of squared gradients',
    params: {
      lr: lr(0.01),
      beta: beta(0.99, "β: decay of the running average of squared gradients (torch's alpha)"),
      eps: eps(1e-8),
      momentum: momentum('Momentum applied to the normalized step'),
      centered: bool({
        default: false,
        help: 'Divide by the estimated variance (subtract the squared mean gradient)',
      }),
    },
    updateRule: aligned([
      `s_k &\\leftarrow \\beta s_{k-1} + (1 - \\beta)(${GRAD})^2`,
      `\\theta_{k+1} &= \\theta_k - \\alpha \\frac{${GRAD}}{\\sqrt{s_k}}`,
    ]),
  }),
  optimizer({
    type: 'optimizer.adam',
    facts: firstMoment,
    title: 'Adam',
    description: 'Momentum and per-dimension scaling, bias-corrected (the usual default)',
    params: {
      ...adamParams(0.001),
      amsgrad: amsgrad(),
    },
    summary: (params) =>
      `Adam · lr ${formatShort(read(params, 'lr', 0.001))}${read(params, 'amsgrad', false) ? ' · AMSGrad' : ''}`,
    updateRule: aligned([
      ...ADAM_MOMENTS,
      '\\theta_{k+1} &= \\theta_k - \\alpha \\frac{\\hat{m}_k}{\\sqrt{\\hat{v}_k} + \\epsilon}',
    ]),
  }),
  optimizer({
    type: 'optimizer.adamw',
    facts: firstMoment,
    title: 'AdamW',
    description: 'Adam with decoupled weight decay',
    params: {
      ...adamParams(0.001),
      amsgrad: amsgrad(),
      weightDecay: weightDecay(0.01, 'λ: decay applied to the weights directly, not via g'),
    },
    summary: (params) =>
      `AdamW · lr ${formatShort(read(params, 'lr', 0.001))} · decay ${formatShort(read(params, 'weightDecay', 0.01))}`,
    updateRule: aligned([
      ...ADAM_MOMENTS,
      '\\theta_{k+1} &= \\theta_k - \\alpha \\left( \\frac{\\hat{m}_k}{\\sqrt{\\hat{v}_k} + \\epsilon} + \\lambda \\theta_k \\right)',
    ]),
  }),
  optimizer({
    type: 'optimizer.nadam',
    facts: firstMoment,
    title: 'NAdam',
    description: 'Adam with Nesterov momentum',
    params: {
      ...adamParams(0.002),
      momentumDecay: num({
        default: 0.004,
        min: 0,
        max: 1,
        help: 'ψ: how fast the momentum schedule μ_k approaches β₁',
      }),
    },
    updateRule: aligned([
      '\\mu_k &= \\beta_1 \\left(1 - \\tfrac{1}{2} \\cdot 0.96^{k \\psi}\\right)',
      ...ADAM_MOMENTS.slice(0, 2),
      `\\hat{m}_k &= \\frac{\\mu_{k+1} m_k}{1 - \\prod_{i=1}^{k+1} \\mu_i} + \\frac{(1 - \\mu_k) ${GRAD}}{1 - \\prod_{i=1}^{k} \\mu_i} \\qquad \\hat{v}_k = \\frac{v_k}{1 - \\beta_2^k}`,
      '\\theta_{k+1} &= \\theta_k - \\alpha \\frac{\\hat{m}_k}{\\sqrt{\\hat{v}_k} + \\epsilon}',
    ]),
  }),
  optimizer({
    type: 'optimizer.radam',
    facts: firstMoment,
    title: 'RAdam',
    description: "Adam with a rectified warm-up of the adaptive step's variance",
    params: {
      ...adamParams(0.001),
    },
    updateRule: aligned([
      ...ADAM_MOMENTS,
      '\\rho_\\infty &= \\frac{2}{1 - \\beta_2} - 1 \\qquad \\rho_k = \\rho_\\infty - \\frac{2 k \\beta_2^k}{1 - \\beta_2^k}',
      'r_k &= \\sqrt{\\frac{(\\rho_k - 4)(\\rho_k - 2)\\rho_\\infty}{(\\rho_\\infty - 4)(\\rho_\\infty - 2)\\rho_k}}',
      '\\theta_{k+1} &= \\begin{cases} \\theta_k - \\alpha \\, r_k \\frac{\\hat{m}_k}{\\sqrt{\\hat{v}_k} + \\epsilon} & \\rho_k > 5 \\\\ \\theta_k - \\alpha \\hat{m}_k & \\text{otherwise} \\end{cases}',
    ]),
  }),
  optimizer({
    type: 'optimizer.lion',
    facts: firstMoment,
    title: 'Lion',
    description:
      'Sign of an interpolated momentum: every coordinate moves by ±lr (Chen et al. 2023, found by program search)',
    params: {
      lr: lr(1e-4),
      beta1: beta(0.9, 'β₁: weight of the running mean m in the step direction c'),
      beta2: beta(0.99, 'β₂: decay of the running mean of gradients m'),
      weightDecay: weightDecay(0, 'λ: decoupled decay of the weights, θ ← θ − α·λθ'),
    },
    summary: (params) => {
      const wd = read(params, 'weightDecay', 0);
      const tail = wd === 0 ? '' : ` · decay ${formatShort(wd)}`;
      return `Lion · lr ${formatShort(read(params, 'lr', 1e-4))}${tail}`;
    },
    updateRule: aligned([
      `c_k &= \\beta_1 m_{k-1} + (1 - \\beta_1)${GRAD}`,
      '\\theta_{k+1} &= \\theta_k - \\alpha \\left( \\operatorname{sign}(c_k) + \\lambda \\theta_k \\right)',
      `m_k &= \\beta_2 m_{k-1} + (1 - \\beta_2)${GRAD}`,
    ]),
  }),
  optimizer({
    type: 'optimizer.newton',
    title: 'Newton',
    description: 'Second-order steps with the exact Hessian (models with few parameters)',
    params: {
      lr: num({
        default: 1,
        min: 0,
        exclusiveMin: true,
        max: 1000,
        scale: 'log',
        help: 'Step size α (1 jumps to the minimum of the quadratic model)',
      }),
      damping: num({
        default: 0,
        min: 0,
        max: 1e6,
        help: 'λ added to the Hessian diagonal: trades Newton for gradient descent',
      }),
    },
    summary: (params) => {
      const damping = read(params, 'damping', 0);
      const tail = damping === 0 ? '' : ` · damping ${formatShort(damping)}`;
      return `Newton · lr ${formatShort(read(params, 'lr', 1))}${tail}`;
    },
    updateRule: `\\theta_{k+1} = \\theta_k - \\alpha (\\nabla_{\\theta}^2 \\mathcal{L}(\\theta_k) + \\lambda I)^{-1} ${GRAD}`,
  }),
];
