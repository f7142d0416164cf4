/**
 * H5: opens the browser's file chooser (an `<input type="file" accept=".csv">`) and reads the chosen
 * file as UTF-8 text; null when the user backs out.
 */
export function pickCsvText(): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,text/csv'
    input.style.display = 'none'
    const done = () => input.remove()
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      done()
      if (!file) return resolve(null)
      const reader = new FileReader()
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
      reader.onerror = () => reject(new Error('读取文件失败，请换一个文件再试。'))
      reader.readAsText(file, 'utf-8')
    })
    // Browsers that know it say when the chooser was closed without a file.
    input.addEventListener('cancel', () => {
      done()
      resolve(null)
    })
    document.body.appendChild(input)
    input.click()
  })
}
