// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @notice Devnet stand-in for an LST/LRT exchange-rate source. The rate (underlying per 1e18 token
///         units) grows linearly with the block number, so base staking yield accrues as blocks are
///         mined without any keeper transaction:
///             rate = base + perBlock * (block.number - startBlock)
///         startBlock is the deployment block. It answers under every mainnet name the project reads
///         (wstETH, rETH, cbETH, weETH / Balancer rate providers, ERC-4626) with the mainnet signatures.
contract DevnetRateSource {
    uint256 public immutable base;
    uint256 public immutable perBlock;
    uint256 public immutable startBlock;

    constructor(uint256 base_, uint256 perBlock_) {
        base = base_;
        perBlock = perBlock_;
        startBlock = block.number;
    }

    function _rate() internal view returns (uint256) {
        return base + perBlock * (block.number - startBlock);
    }

    /// wstETH: stETH per 1 wstETH.
    function stEthPerToken() external view returns (uint256) {
        return _rate();
    }

    /// rETH: ETH per 1 rETH.
    function getExchangeRate() external view returns (uint256) {
        return _rate();
    }

    /// cbETH: ETH per 1 cbETH.
    function exchangeRate() external view returns (uint256) {
        return _rate();
    }

    /// weETH and Balancer-style rate providers.
    function getRate() external view returns (uint256) {
        return _rate();
    }

    /// ERC-4626 view: assets for `shares` at the current rate.
    function convertToAssets(uint256 shares) external view returns (uint256 assets) {
        return (shares * _rate()) / 1e18;
    }
}
