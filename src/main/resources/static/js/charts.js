// Draws the bar charts of a page: every element with data-chart='{"labels":[…],"values":[…]}'.
// The chart is a picture of the table beside it (aria-hidden); screen readers read the table.
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  var elder = document.documentElement.classList.contains('elder');
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var data = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      textStyle: { fontSize: elder ? 20 : 14, color: '#111' },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#111' } },
      yAxis: { type: 'category', inverse: true, data: data.labels, axisLabel: { color: '#111', width: 180, overflow: 'break' } },
      series: [{ type: 'bar', data: data.values, itemStyle: { color: '#a3160f' },
                 label: { show: true, position: 'right', color: '#111' } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
