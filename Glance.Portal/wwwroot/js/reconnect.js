// After the connection drops: reconnect as soon as the portal answers again, and reload when it
// restarted (the server no longer knows this page's circuit). Sign-in survives, as the key ring
// is kept in the data folder.
(() => {
    const modal = document.getElementById('components-reconnect-modal');
    let polling = null;
    let trying = false;

    const stopPolling = () => {
        clearInterval(polling);
        polling = null;
    };

    const reload = () => {
        // The restarted portal has forgotten this page's uploads: leaving it loses nothing more.
        window.glancePortalRestarted = true;
        location.reload();
    };

    async function retry() {
        if (trying) {
            return;
        }
        trying = true;
        try {
            // Any answer means the portal is up again, even a health check that reports a degraded store.
            await fetch('healthcheck', { cache: 'no-store' });
        } catch {
            trying = false;
            return;
        }
        stopPolling();
        try {
            if (!await Blazor.reconnect()) {
                reload();
            }
        } catch {
            reload();
        } finally {
            trying = false;
        }
    }

    modal.addEventListener('components-reconnect-state-changed', e => {
        stopPolling();
        switch (e.detail.state) {
            case 'failed':
                polling = setInterval(retry, 3000);
                break;
            case 'rejected':
            case 'resume-failed':
                setTimeout(reload, 1500);
                break;
        }
    });
    modal.querySelector('[data-reconnect="retry"]').addEventListener('click', retry);
    modal.querySelector('[data-reconnect="reload"]').addEventListener('click', reload);
})();
