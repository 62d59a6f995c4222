export async function runMerge(_args: string[]): Promise<number> {
  console.error("Chưa hỗ trợ.");
  return 2;
}
