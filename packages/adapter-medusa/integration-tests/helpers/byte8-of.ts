/** The plugin's composed connector inside the booted app (what subscribers, jobs and routes use). */
export async function byte8Of(container: any): Promise<any> {
  return container.resolve('byte8').connector(container);
}
