/** DI tokens of the client's own services (core's `TOKENS` name the ports). */
export const CLIENT_TOKENS = {
  Publisher: Symbol.for('byte8.client.Publisher'),
  HostHooks: Symbol.for('byte8.client.HostHooks'),
  DrainWorker: Symbol.for('byte8.client.DrainWorker'),
  Reconciler: Symbol.for('byte8.client.Reconciler'),
  InboundHandler: Symbol.for('byte8.client.InboundHandler'),
  AdminService: Symbol.for('byte8.client.AdminService'),
  DeliveryMetrics: Symbol.for('byte8.client.DeliveryMetrics'),
} as const;
