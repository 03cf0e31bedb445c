// Clients as a text names them and as a search finds them (core/clients: the one resolver).

export * from './normalize';
export * from './resolve';
export * from './find';
