// A Chart.js chart as a plain custom element: no npm build. Chart.js comes from its webjar (window.Chart);
// the data comes as JSON in the "config" attribute, already translated by the server.
class CalconChart extends HTMLElement {
    static get observedAttributes() {
        return ['config'];
    }

    connectedCallback() {
        if (!this.shadowRoot) {
            const root = this.attachShadow({mode: 'open'});
            root.innerHTML = '<style>:host{display:block;position:relative;min-height:220px}</style>'
                + '<canvas role="img"></canvas>';
        }
        this.render();
    }

    attributeChangedCallback() {
        this.render();
    }

    disconnectedCallback() {
        if (this.chart) {
            this.chart.destroy();
            this.chart = null;
        }
    }

    render() {
        if (!this.shadowRoot || !this.getAttribute('config')) {
            return;
        }
        if (!window.Chart) {
            setTimeout(() => this.render(), 50);
            return;
        }
        const config = JSON.parse(this.getAttribute('config'));
        const canvas = this.shadowRoot.querySelector('canvas');
        canvas.setAttribute('aria-label', config.title + ': '
            + config.labels.map((label, i) => label + ' ' + config.values[i]).join(', '));
        if (this.chart) {
            this.chart.destroy();
        }
        // Colour is never the only cue: every bar carries its label on the axis and its value in the tooltip,
        // and the bars alternate between solid and hatched fills.
        const patterns = config.values.map((_, i) => i % 2 === 0 ? '#1f5f99' : this.hatch('#1f5f99'));
        this.chart = new window.Chart(canvas, {
            type: config.type || 'bar',
            data: {
                labels: config.labels,
                datasets: [{label: config.series, data: config.values, backgroundColor: patterns,
                    borderColor: '#1f5f99', borderWidth: 1}]
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: {title: {display: true, text: config.title}, legend: {display: false}},
                scales: {y: {beginAtZero: true, ticks: {precision: 0}}}
            }
        });
    }

    hatch(color) {
        const tile = document.createElement('canvas');
        tile.width = 8;
        tile.height = 8;
        const ctx = tile.getContext('2d');
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, 8, 8);
        ctx.strokeStyle = color;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(0, 8);
        ctx.lineTo(8, 0);
        ctx.stroke();
        return ctx.createPattern(tile, 'repeat');
    }
}

customElements.define('calcon-chart', CalconChart);
