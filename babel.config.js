// Babel for both the Taro webpack builds and Jest (babel-jest): babel-preset-taro covers both;
// under NODE_ENV=test it already emits CommonJS for the current Node. React Refresh is kept out of tests.
module.exports = (api) => {
  const isTest = api.env('test')
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', hot: !isTest }]],
  }
}
