/**
 * The start page's gallery: each bundled example with what it teaches, tied to the lecture's
 * section, and a thumbnail of its landscape (resources/thumbnails/<id>.png, made from the real
 * app by `npm run thumbnails`).
 */
import { type BundledExample, bundledExamples } from '../document/examples';

const thumbnails = import.meta.glob<string>('../../resources/thumbnails/*.png', {
  query: '?url',
  import: 'default',
  eager: true,
});

/** One line each: what the example shows, and where the lecture says it. */
const LESSONS: Record<string, { teaches: string; section: string }> = {
  quickstart: {
    teaches: 'An MLP learns a spiral with Adam while a cosine schedule decays the learning rate.',
    section: 'Gradient descent · Decaying learning rates',
  },
  'rosenbrock-race': {
    teaches: 'SGD, momentum, Nesterov, RMSProp, Adam and Newton race down a curved valley.',
    section: "Momentum · RMSProp · Adam · Newton's method",
  },
  'saddle-escape': {
    teaches: 'The gradient vanishes at a saddle, yet it is no minimum: watch who escapes.',
    section: 'Saddle points',
  },
  'logistic-convex': {
    teaches: 'Logistic regression is convex: one bowl, one minimum, every start finds it.',
    section: 'The loss surface',
  },
  'lr-too-big': {
    teaches: 'A learning rate too big overshoots the valley and diverges.',
    section: 'Learning rates',
  },
  'skip-connections': {
    teaches: 'Skip connections smooth the loss landscape of a deep network.',
    section: 'The loss surface of a neural network (Li et al. 2018)',
  },
  'optimizer-race-digits': {
    teaches: 'SGD, momentum and Adam on one real network: three paths on one joint-PCA plane.',
    section: 'Momentum · Adam · The loss surface of a neural network',
  },
  'sweep-learning-rate': {
    teaches: 'Twelve log-spaced learning rates on the digits MLP: the classic learning-rate curve.',
    section: 'Hyper-parameter tuning · Learning rates',
  },
  'sweep-lr-momentum': {
    teaches: 'A 6 × 5 grid of learning rate and momentum on the ravine, as a heatmap.',
    section: 'Hyper-parameter tuning · Momentum',
  },
  'ravine-momentum': {
    teaches: 'Momentum crosses an ill-conditioned ravine despite noisy, minibatch-like gradients.',
    section: 'Momentum · Stochastic gradient descent',
  },
};

export interface GalleryEntry {
  readonly example: BundledExample;
  readonly teaches: string;
  readonly section: string;
  /** The landscape thumbnail's URL, when one was made. */
  readonly thumbnail?: string;
}

export const galleryEntries: readonly GalleryEntry[] = bundledExamples.map((example) => {
  const lesson = LESSONS[example.id];
  const thumbnail = thumbnails[`../../resources/thumbnails/${example.id}.png`];
  return {
    example,
    teaches: lesson?.teaches ?? example.title,
    section: lesson?.section ?? '',
    ...(thumbnail ? { thumbnail } : {}),
  };
});
