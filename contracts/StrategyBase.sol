// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {IERC20Like} from "./interfaces/ICore.sol";

/// @notice EigenLayer StrategyBase share math without proxies. The virtual offsets (1e3 shares, 1e3
///         tokens) are mainnet's defence against the first-depositor inflation attack; keeping them makes
///         shares != underlying exactly as on mainnet, which the extension must handle.
contract StrategyBase {
    uint256 internal constant SHARES_OFFSET = 1e3;
    uint256 internal constant BALANCE_OFFSET = 1e3;
    uint256 internal constant MAX_TOTAL_SHARES = 1e38 - 1;

    address public immutable strategyManager;
    address public immutable underlyingToken;
    uint256 public totalShares;

    event ExchangeRateEmitted(uint256 rate);
    event StrategyTokenSet(address token, uint8 decimals);

    error OnlyStrategyManager();
    error OnlyUnderlyingToken();
    error NewSharesZero();
    error TotalSharesExceedsMax();
    error WithdrawalAmountExceedsTotalDeposits();
    error TransferFailed();

    modifier onlyStrategyManager() {
        if (msg.sender != strategyManager) revert OnlyStrategyManager();
        _;
    }

    constructor(address strategyManager_, address token) {
        strategyManager = strategyManager_;
        underlyingToken = token;
        emit StrategyTokenSet(token, IERC20Like(token).decimals());
    }

    /// @dev Tokens were already transferred in by the StrategyManager, so the balance *before* the
    ///      deposit is balance - amount (mainnet computes it the same way).
    function deposit(address token, uint256 amount) external onlyStrategyManager returns (uint256 newShares) {
        if (token != underlyingToken) revert OnlyUnderlyingToken();
        uint256 virtualShares = totalShares + SHARES_OFFSET;
        uint256 virtualBalance = _tokenBalance() + BALANCE_OFFSET;
        newShares = (amount * virtualShares) / (virtualBalance - amount);
        if (newShares == 0) revert NewSharesZero();
        totalShares += newShares;
        if (totalShares > MAX_TOTAL_SHARES) revert TotalSharesExceedsMax();
        _emitExchangeRate(virtualBalance, totalShares + SHARES_OFFSET);
    }

    function withdraw(address recipient, address token, uint256 amountShares) external onlyStrategyManager {
        if (token != underlyingToken) revert OnlyUnderlyingToken();
        uint256 prior = totalShares;
        if (amountShares > prior) revert WithdrawalAmountExceedsTotalDeposits();
        uint256 virtualBalance = _tokenBalance() + BALANCE_OFFSET;
        uint256 amountToSend = (virtualBalance * amountShares) / (prior + SHARES_OFFSET);
        totalShares = prior - amountShares;
        _emitExchangeRate(virtualBalance - amountToSend, totalShares + SHARES_OFFSET);
        if (!IERC20Like(token).transfer(recipient, amountToSend)) revert TransferFailed();
    }

    function sharesToUnderlyingView(uint256 amountShares) public view returns (uint256) {
        return ((_tokenBalance() + BALANCE_OFFSET) * amountShares) / (totalShares + SHARES_OFFSET);
    }

    function underlyingToSharesView(uint256 amountUnderlying) public view returns (uint256) {
        return (amountUnderlying * (totalShares + SHARES_OFFSET)) / (_tokenBalance() + BALANCE_OFFSET);
    }

    function shares(address user) public view returns (uint256) {
        return StrategyManagerShares(strategyManager).stakerDepositShares(user, address(this));
    }

    function userUnderlyingView(address user) external view returns (uint256) {
        return sharesToUnderlyingView(shares(user));
    }

    /// @dev `view` (not pure) to match mainnet's ABI; virtual like mainnet so subclasses may read state.
    function explanation() external view virtual returns (string memory) {
        return "Base Strategy implementation to inherit from for more complex implementations";
    }

    function _tokenBalance() internal view returns (uint256) {
        return IERC20Like(underlyingToken).balanceOf(address(this));
    }

    function _emitExchangeRate(uint256 virtualBalance, uint256 virtualShares) internal {
        emit ExchangeRateEmitted((1e18 * virtualBalance) / virtualShares);
    }
}

interface StrategyManagerShares {
    function stakerDepositShares(address user, address strategy) external view returns (uint256);
}
