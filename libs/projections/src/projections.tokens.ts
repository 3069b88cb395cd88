/** The projections, wherever they run (`ProjectionHost`). */
export const PROJECTION_HOST = Symbol('PROJECTION_HOST');

/** The view store the projections write in this process (`ViewStore`); null when they run on a thread of their own, which opens its own. */
export const VIEW_STORE = Symbol('VIEW_STORE');
