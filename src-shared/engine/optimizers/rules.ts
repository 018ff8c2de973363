/**
 * Each optimizer's update rule in the lecture's notation (α learning rate, g_k the gradient
 * ∇_θ L(θ_k), k the step), as LaTeX for the inspector. Keyed by catalog type.
 */

const G = '\\nabla_{\\theta}\\mathcal{L}(\\theta_k)';

export const updateRules: Readonly<Record<string, string>> = {
  'optimizer.sgd': [
    '\\begin{aligned}',
    `g_k &= ${G} + \\lambda\\theta_k + \\mu g_{k-1} \\quad (g_1 = ${G} + \\lambda\\theta_1)\\\\`,
    '\\theta_{k+1} &= \\theta_k - \\alpha g_k',
    '\\quad \\text{(Nesterov: } \\theta_{k+1} = \\theta_k - \\alpha(\\nabla + \\mu g_k)\\text{)}',
    '\\end{aligned}',
  ].join(' '),
  'optimizer.adagrad': [
    '\\begin{aligned}',
    `s_k &\\leftarrow s_{k-1} + (${G})^2 \\quad (s_0 = s_{\\text{init}})\\\\`,
    `\\theta_{k+1} &= \\theta_k - \\alpha \\frac{${G}}{\\sqrt{s_k} + \\epsilon}`,
    '\\end{aligned}',
  ].join(' '),
  'optimizer.rmsprop': [
    '\\begin{aligned}',
    `s_k &\\leftarrow \\beta s_{k-1} + (1 - \\beta)(${G})^2\\\\`,
    `\\theta_{k+1} &= \\theta_k - \\alpha \\frac{${G}}{\\sqrt{s_k} + \\epsilon}`,
    '\\end{aligned}',
  ].join(' '),
  'optimizer.adam': [
    '\\begin{aligned}',
    `m_k &= (1 - \\beta_1)${G} + \\beta_1 m_{k-1}\\\\`,
    `v_k &= (1 - \\beta_2)(${G})^2 + \\beta_2 v_{k-1}\\\\`,
    '\\hat{m}_k &= \\frac{m_k}{1 - \\beta_1^k} \\quad \\hat{v}_k = \\frac{v_k}{1 - \\beta_2^k}\\\\',
    '\\theta_{k+1} &= \\theta_k - \\alpha \\frac{\\hat{m}_k}{\\sqrt{\\hat{v}_k} + \\epsilon}',
    '\\end{aligned}',
  ].join(' '),
  'optimizer.adamw': [
    '\\begin{aligned}',
    '\\theta_k &\\leftarrow \\theta_k (1 - \\alpha\\lambda)\\\\',
    `m_k &= (1 - \\beta_1)${G} + \\beta_1 m_{k-1}\\\\`,
    `v_k &= (1 - \\beta_2)(${G})^2 + \\beta_2 v_{k-1}\\\\`,
    '\\theta_{k+1} &= \\theta_k - \\alpha \\frac{\\hat{m}_k}{\\sqrt{\\hat{v}_k} + \\epsilon}',
    '\\end{aligned}',
  ].join(' '),
  'optimizer.nadam': [
    '\\begin{aligned}',
    '\\mu_k &= \\beta_1\\left(1 - \\tfrac{1}{2}\\, 0.96^{k\\psi}\\right)\\\\',
    `m_k &= (1 - \\beta_1)${G} + \\beta_1 m_{k-1} \\quad v_k = (1 - \\beta_2)(${G})^2 + \\beta_2 v_{k-1}\\\\`,
    `\\theta_{k+1} &= \\theta_k - \\alpha \\frac{\\frac{(1 - \\mu_k)}{1 - \\prod_{i \\le k}\\mu_i} ${G} + \\frac{\\mu_{k+1}}{1 - \\prod_{i \\le k+1}\\mu_i} m_k}{\\sqrt{\\hat{v}_k} + \\epsilon}`,
    '\\end{aligned}',
  ].join(' '),
  'optimizer.radam': [
    '\\begin{aligned}',
    `m_k &= (1 - \\beta_1)${G} + \\beta_1 m_{k-1} \\quad v_k = (1 - \\beta_2)(${G})^2 + \\beta_2 v_{k-1}\\\\`,
    '\\rho_\\infty &= \\tfrac{2}{1 - \\beta_2} - 1 \\quad \\rho_k = \\rho_\\infty - \\tfrac{2k\\beta_2^k}{1 - \\beta_2^k}\\\\',
    '\\theta_{k+1} &= \\begin{cases} \\theta_k - \\alpha\\, \\hat{m}_k\\, r_k \\frac{\\sqrt{1 - \\beta_2^k}}{\\sqrt{v_k} + \\epsilon} & \\rho_k > 5\\\\ \\theta_k - \\alpha\\, \\hat{m}_k & \\text{otherwise} \\end{cases}\\\\',
    'r_k &= \\sqrt{\\tfrac{(\\rho_k - 4)(\\rho_k - 2)\\rho_\\infty}{(\\rho_\\infty - 4)(\\rho_\\infty - 2)\\rho_k}}',
    '\\end{aligned}',
  ].join(' '),
  'optimizer.newton': `\\theta_{k+1} = \\theta_k - \\alpha\\left(\\nabla_{\\theta}^2 \\mathcal{L}(\\theta_k) + \\delta I\\right)^{-1} ${G}`,
};
