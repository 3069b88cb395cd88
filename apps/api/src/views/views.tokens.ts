export const VIEW_STORE = Symbol('VIEW_STORE');
